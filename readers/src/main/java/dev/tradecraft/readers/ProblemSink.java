package dev.tradecraft.readers;

/** Receives the problems a reader meets; the reader carries on after each one. */
@FunctionalInterface
public interface ProblemSink
{
    void report(ReadProblem problem);
}
