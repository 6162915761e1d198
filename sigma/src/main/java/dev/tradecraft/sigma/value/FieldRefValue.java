package dev.tradecraft.sigma.value;

import static dev.tradecraft.core.Checks.checkNotBlank;

/**
 * {@code |fieldref}: compare the field with the value of another field of the same event. With
 * {@code startswith}/{@code endswith}/{@code contains} (both flags) the other field's value must
 * appear at that place; otherwise the values must be equal. Case-insensitive unless cased.
 *
 * @param field the other field, by its rule name
 */
public record FieldRefValue(String field, boolean startsWith, boolean endsWith, boolean cased)
        implements SigmaValue
{
    public FieldRefValue
    {
        checkNotBlank(field, "field");
    }

    /** Whether {@code value} relates to {@code referenced} as this reference requires. */
    public boolean matches(String value, String referenced)
    {
        int length = referenced.length();
        if (startsWith && endsWith) {
            return indexOf(value, referenced) >= 0;
        }
        if (startsWith) {
            return value.regionMatches(!cased, 0, referenced, 0, length);
        }
        if (endsWith) {
            return value.length() >= length && value.regionMatches(!cased, value.length() - length, referenced, 0, length);
        }
        return cased ? value.equals(referenced) : value.equalsIgnoreCase(referenced);
    }

    private int indexOf(String value, String referenced)
    {
        int last = value.length() - referenced.length();
        for (int start = 0; start <= last; start++) {
            if (value.regionMatches(!cased, start, referenced, 0, referenced.length())) {
                return start;
            }
        }
        return -1;
    }

    @Override
    public String toString()
    {
        return "fieldref " + field;
    }
}
