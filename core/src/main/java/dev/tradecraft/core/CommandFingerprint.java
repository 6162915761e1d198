package dev.tradecraft.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@link ObservableType#COMMAND_FINGERPRINT} of a script or command line: SHA-256 (lower-case
 * hex) of its normalised text, where case, runs of whitespace and the quote style make no
 * difference. One function for everyone who names droppers: sighting extraction, world generators,
 * content packs.
 */
public final class CommandFingerprint
{
    private CommandFingerprint() {}

    public static String of(String text)
    {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Lower case, whitespace runs as one space and none at the ends, double quotes as single. */
    public static String normalise(String text)
    {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c == '"' ? '\'' : Character.toLowerCase(c));
        }
        return out.toString();
    }
}
