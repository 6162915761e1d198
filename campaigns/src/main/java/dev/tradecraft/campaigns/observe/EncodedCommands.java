package dev.tradecraft.campaigns.observe;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import dev.tradecraft.core.CommandFingerprint;

/**
 * Fingerprints of command lines that survive re-wrapping: the script inside a PowerShell
 * {@code -EncodedCommand} (any accepted spelling and dash) is decoded from base64 UTF-16LE,
 * normalised (case, whitespace, quotes) and hashed, so the same dropper gives the same fingerprint
 * whether it was launched as {@code -enc}, {@code -EncodedCommand} or through {@code cmd /c}.
 * Decoding is bounded: attacker command lines are data, never run, and a huge argument is cut.
 */
public final class EncodedCommands
{
    // PowerShell accepts any unambiguous prefix of -EncodedCommand down to -e, with -, / or en dash.
    private static final int MAX_ENCODED_CHARS = 1 << 20;

    private EncodedCommands() {}

    /** The decoded script of an encoded PowerShell command line, if it has one. */
    public static Optional<String> decodedScript(String commandLine)
    {
        String[] tokens = commandLine.split("\\s+");
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (isEncodedCommandFlag(tokens[i])) {
                String argument = stripQuotes(tokens[i + 1]);
                if (argument.length() > MAX_ENCODED_CHARS) {
                    argument = argument.substring(0, MAX_ENCODED_CHARS);
                }
                Optional<String> script = decode(argument);
                if (script.isPresent()) {
                    return script;
                }
            }
        }
        return Optional.empty();
    }

    static boolean isEncodedCommandFlag(String token)
    {
        if (token.length() < 2) {
            return false;
        }
        char dash = token.charAt(0);
        if (dash != '-' && dash != '/' && dash != '\u2013' && dash != '\u2014' && dash != '\u2015') {
            return false;
        }
        String name = token.substring(1).toLowerCase(Locale.ROOT);
        if (name.equals("ec")) {
            return true;
        }
        // -e, -en, -enc, … -encodedcommand: prefixes of "encodedcommand" (-e alone is accepted by PowerShell).
        return "encodedcommand".startsWith(name) && !name.isEmpty();
    }

    private static String stripQuotes(String token)
    {
        String value = token;
        while (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
            value = value.substring(1);
        }
        while (!value.isEmpty() && (value.endsWith("\"") || value.endsWith("'"))) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    private static Optional<String> decode(String base64)
    {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(padded(base64));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 2) {
            return Optional.empty();
        }
        String script = new String(bytes, 0, bytes.length & ~1, StandardCharsets.UTF_16LE);
        // Scripts are mostly ASCII text; binary that happens to be valid base64 decodes to other planes.
        int text = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if ((c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r') {
                text++;
            }
        }
        return text * 10 >= script.length() * 8 ? Optional.of(script) : Optional.empty();
    }

    private static String padded(String base64)
    {
        int remainder = base64.length() % 4;
        return remainder == 0 ? base64 : base64 + "====".substring(remainder);
    }

    /** SHA-256 (hex) of the normalised text: see {@link CommandFingerprint}. */
    public static String fingerprint(String text)
    {
        return CommandFingerprint.of(text);
    }
}
