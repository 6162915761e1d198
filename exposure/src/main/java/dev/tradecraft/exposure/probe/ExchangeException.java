package dev.tradecraft.exposure.probe;

import static java.util.Objects.requireNonNull;

/** One HTTP exchange that gave no usable answer, with the failure kind it counts as. */
final class ExchangeException extends Exception
{
    private final ProbeFailure.Kind kind;

    ExchangeException(ProbeFailure.Kind kind, String message)
    {
        super(requireNonNull(message, "message is null"));
        this.kind = requireNonNull(kind, "kind is null");
    }

    ProbeFailure.Kind kind()
    {
        return kind;
    }
}
