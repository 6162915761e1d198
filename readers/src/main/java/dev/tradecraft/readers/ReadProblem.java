package dev.tradecraft.readers;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.SourcePosition;

/**
 * One problem met while reading, with the place it was met. Prints as {@code file:line: KIND: message}.
 *
 * <p>Messages often quote input, which is attacker-controlled and ends up on terminals and in
 * reports, so control characters are replaced and the message is cut to a bounded length here, once.
 */
public record ReadProblem(SourcePosition position, ProblemKind kind, String message)
{
    static final int MAX_MESSAGE_LENGTH = 300;

    public ReadProblem
    {
        requireNonNull(position, "position is null");
        requireNonNull(kind, "kind is null");
        message = printable(requireNonNull(message, "message is null"));
    }

    private static String printable(String text)
    {
        boolean clean = text.length() <= MAX_MESSAGE_LENGTH;
        for (int i = 0; clean && i < text.length(); i++) {
            clean = !isControl(text.charAt(i));
        }
        if (clean) {
            return text;
        }
        int end = Math.min(text.length(), MAX_MESSAGE_LENGTH);
        StringBuilder out = new StringBuilder(end + 3);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            out.append(isControl(c) ? '?' : c);
        }
        if (end < text.length()) {
            out.append("...");
        }
        return out.toString();
    }

    private static boolean isControl(char c)
    {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    @Override
    public String toString()
    {
        return position + ": " + kind + ": " + message;
    }
}
