package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** One command run through the jar's own command line, with everything it printed. */
record CommandRun(int exitCode, String out, String err)
{
    static CommandRun of(String... args)
    {
        CommandLine commandLine = TradecraftCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
