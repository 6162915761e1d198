package dev.tradecraft.exposure.fingerprint;

/** A fingerprint pattern compiled for one engine. Implementations are immutable and thread-safe. */
interface CompiledPattern
{
    /** Number of capture groups. */
    int groupCount();

    /**
     * Searches the text for the first match.
     *
     * @return the groups of the match, index 0 the whole match, null for groups that took no part;
     *         null when there is no match
     */
    String[] find(String text);

    /** Whether the text has a match: what a fingerprint whose result takes nothing from the text needs, without the groups. */
    default boolean found(String text)
    {
        return find(text) != null;
    }
}
