package dev.tradecraft.store.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.tradecraft.core.SourcePosition;

/**
 * Row keys made from what a row is, not from when it was written, so that the same input read again
 * lands on the same keys: SHA-256 over the parts, each ended by a zero character so that no two
 * different lists of parts give the same text.
 */
public final class RowIds
{
    private RowIds() {}

    public static String of(String... parts)
    {
        MessageDigest digest = sha256();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A hit: its rule at one position of one file of one host. */
    public static String hit(String organisation, String host, SourcePosition position, String ruleId)
    {
        return of("hit", organisation, host, position.file(), position.unit().name(), Long.toString(position.index()), ruleId);
    }

    public static MessageDigest sha256()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
