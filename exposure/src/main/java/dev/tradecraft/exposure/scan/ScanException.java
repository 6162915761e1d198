package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

/** A scan file that cannot be read at all: unknown format, binary, empty, or unreadable. */
public final class ScanException extends Exception
{
    private final ScanProblem problem;

    public ScanException(ScanProblem problem)
    {
        super(requireNonNull(problem, "problem is null").toString());
        this.problem = problem;
    }

    public ScanException(ScanProblem problem, Throwable cause)
    {
        super(requireNonNull(problem, "problem is null").toString(), cause);
        this.problem = problem;
    }

    public ScanProblem problem()
    {
        return problem;
    }
}
