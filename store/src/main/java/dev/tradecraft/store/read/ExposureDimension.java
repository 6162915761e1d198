package dev.tradecraft.store.read;

/** What exposure totals can be broken down by. */
public enum ExposureDimension
{
    COUNTRY("country", "coalesce(nullif(country, ''), '(unknown)')"),
    PRODUCT("product", "coalesce(nullif(product, ''), 'SharePoint (version unknown)')");

    private final String column;
    private final String keyExpression;

    ExposureDimension(String column, String keyExpression)
    {
        this.column = column;
        this.keyExpression = keyExpression;
    }

    String column()
    {
        return column;
    }

    /** The group name, as the exposure command names groups with no value. */
    String keyExpression()
    {
        return keyExpression;
    }
}
