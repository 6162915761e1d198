package dev.tradecraft.exposure.probe;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.PrintableText;
import dev.tradecraft.core.SourcePosition;

/**
 * A target that gave no usable answer. Prints as {@code file:line: target: KIND: reason}.
 *
 * @param target the target
 * @param position the scope line that named it
 * @param kind why, as a code a summary can count
 * @param reason what happened, for a human
 */
public record ProbeFailure(ProbeTarget target, SourcePosition position, Kind kind, String reason)
{
    public enum Kind
    {
        /** The name did not resolve. */
        UNRESOLVED,
        /** The peer refused the connection: nothing listens there. */
        REFUSED,
        /** No route to the address. */
        UNREACHABLE,
        /** No connection, or no complete answer, within the time allowed. */
        TIMEOUT,
        /** The TLS handshake failed: untrusted or mismatched certificate, old protocol, not TLS at all. */
        TLS,
        /** The peer answered something that is not HTTP, or stopped in the middle of an answer. */
        MALFORMED,
        /** Another network error, such as a reset connection. */
        IO,
        /** The probe itself failed; a bug, reported rather than thrown so the other targets go on. */
        ERROR
    }

    public ProbeFailure
    {
        requireNonNull(target, "target is null");
        requireNonNull(position, "position is null");
        requireNonNull(kind, "kind is null");
        reason = PrintableText.of(requireNonNull(reason, "reason is null"), PrintableText.MESSAGE_LENGTH);
    }

    @Override
    public String toString()
    {
        return position + ": " + target + ": " + kind + ": " + reason;
    }
}
