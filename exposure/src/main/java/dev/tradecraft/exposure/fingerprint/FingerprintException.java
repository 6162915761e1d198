package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

/** A Recog database that cannot be loaded at all: unreadable, not XML, or not a Recog document. */
public final class FingerprintException extends Exception
{
    private final FingerprintProblem problem;

    public FingerprintException(FingerprintProblem problem)
    {
        super(requireNonNull(problem, "problem is null").toString());
        this.problem = problem;
    }

    public FingerprintException(FingerprintProblem problem, Throwable cause)
    {
        super(requireNonNull(problem, "problem is null").toString(), cause);
        this.problem = problem;
    }

    /** The file, line and kind of the fault. */
    public FingerprintProblem problem()
    {
        return problem;
    }
}
