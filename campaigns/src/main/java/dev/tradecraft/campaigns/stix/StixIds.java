package dev.tradecraft.campaigns.stix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic STIX identifiers: {@code <type>--<UUIDv5>} over Tradecraft's namespace and a key
 * naming the object ({@code identity|<organisation>}, {@code indicator|<pattern>}, ...), so that
 * exporting the same analysis twice gives the same ids and a consumer updates objects instead of
 * duplicating them.
 */
final class StixIds
{
    /** Tradecraft's namespace; changing it changes every id ever exported. */
    static final UUID NAMESPACE = UUID.fromString("ae8cfee4-ac30-4510-b4aa-a285183944ab");

    private StixIds() {}

    static String id(String type, String key)
    {
        return type + "--" + uuid5(NAMESPACE, key);
    }

    /** RFC 4122 name-based UUID, SHA-1 flavour (version 5). */
    static UUID uuid5(UUID namespace, String name)
    {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        }
        catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-1
            throw new IllegalStateException("SHA-1 is not available", e);
        }
        byte[] space = new byte[16];
        putLong(space, 0, namespace.getMostSignificantBits());
        putLong(space, 8, namespace.getLeastSignificantBits());
        sha1.update(space);
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        return new UUID(getLong(hash, 0), getLong(hash, 8));
    }

    private static void putLong(byte[] bytes, int offset, long value)
    {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    private static long getLong(byte[] bytes, int offset)
    {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }
}
