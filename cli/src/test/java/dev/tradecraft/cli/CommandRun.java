package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import picocli.CommandLine;

/**
 * One command run through the jar's own command line, with everything it printed. A command that
 * writes the workspace and is given none gets a fresh one of its own, so that no test sees another
 * test's hits (and none writes into the project folder).
 */
record CommandRun(int exitCode, String out, String err)
{
    private static final Set<String> WRITERS = Set.of("hunt", "exposure", "probe");
    private static final Path WORKSPACES = createWorkspaces();

    static CommandRun of(String... args)
    {
        CommandLine commandLine = TradecraftCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(withWorkspace(args));
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    private static String[] withWorkspace(String[] args)
    {
        if (args.length == 0 || !WRITERS.contains(args[0]) || List.of(args).contains("--workspace")) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of(args));
        try {
            all.add("--workspace");
            all.add(Files.createTempDirectory(WORKSPACES, "workspace").toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toArray(String[]::new);
    }

    private static Path createWorkspaces()
    {
        try {
            Path root = Files.createTempDirectory("tradecraft-test-workspaces");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            return root;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root)
    {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // A temporary folder left behind holds nothing anyone needs.
        }
    }
}
