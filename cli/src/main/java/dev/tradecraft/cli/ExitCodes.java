package dev.tradecraft.cli;

/** Process exit codes, the same for every command. */
final class ExitCodes
{
    /** The command did its work (problems with some inputs may have been reported). */
    static final int OK = 0;
    /** Nothing useful could be done: no file could be read, no rule could be loaded. */
    static final int NOTHING_DONE = 1;
    /** The command line or an input named on it is invalid. */
    static final int INVALID_INPUT = 2;

    private ExitCodes() {}
}
