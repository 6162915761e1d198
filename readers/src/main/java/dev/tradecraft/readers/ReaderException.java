package dev.tradecraft.readers;

import static java.util.Objects.requireNonNull;

/** A file that cannot be read at all: unknown format, binary, empty, or unreadable. */
public final class ReaderException extends Exception
{
    private final ReadProblem problem;

    public ReaderException(ReadProblem problem)
    {
        super(requireNonNull(problem, "problem is null").toString());
        this.problem = problem;
    }

    public ReaderException(ReadProblem problem, Throwable cause)
    {
        super(requireNonNull(problem, "problem is null").toString(), cause);
        this.problem = problem;
    }

    public ReadProblem problem()
    {
        return problem;
    }
}
