package dev.tradecraft.store.read;

/** What exposure totals can be broken down by. */
public enum ExposureDimension
{
    COUNTRY("country"),
    PRODUCT("product");

    private final String column;

    ExposureDimension(String column)
    {
        this.column = column;
    }

    String column()
    {
        return column;
    }
}
