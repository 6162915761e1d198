package dev.tradecraft.scenarios;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@link dev.tradecraft.core.ObservableType#COMMAND_FINGERPRINT command fingerprint} of a
 * decoded script, so the truth can name the public dropper the way campaign clustering sees it.
 * It must stay the same function as {@code dev.tradecraft.campaigns.observe.EncodedCommands}:
 * lower case, runs of whitespace as one space and none at the ends, double quotes as single, then
 * SHA-256 as lower-case hex.
 */
final class CommandFingerprint
{
    private CommandFingerprint() {}

    static String of(String script)
    {
        StringBuilder normalised = new StringBuilder(script.length());
        boolean space = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && normalised.length() > 0) {
                normalised.append(' ');
            }
            space = false;
            normalised.append(c == '"' ? '\'' : Character.toLowerCase(c));
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalised.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
