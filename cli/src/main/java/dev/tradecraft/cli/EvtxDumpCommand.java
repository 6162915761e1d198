package dev.tradecraft.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.evtx.EvtxDumper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "dump", sortOptions = false,
        description = {
                "Write every record of .evtx files as JSON in evtx_dump's shape, one JSON object per line, or XML.",
                "Damaged files are read as far as they can be: every problem is printed on stderr with its file and byte offset."})
final class EvtxDumpCommand implements Callable<Integer>
{
    enum Format { json, jsonl, xml }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".evtx files, or folders searched for *.evtx.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "json (default: pretty, like evtx_dump -o json), jsonl or xml.")
    private Format format = Format.json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Threads decoding chunks (default: all cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary on stderr (problems are still printed).")
    private boolean quiet;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stderr = spec.commandLine().getErr();
        if (threads < 1) {
            stderr.println("tradecraft evtx dump: --threads must be at least 1, got " + threads);
            return ExitCodes.INVALID_INPUT;
        }
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                stderr.println("tradecraft evtx dump: no such file or folder: " + TerminalText.safe(path.toString()));
                return ExitCodes.INVALID_INPUT;
            }
            files.addAll(evtxFiles(path));
        }
        if (files.isEmpty()) {
            stderr.println("tradecraft evtx dump: no .evtx files in " + TerminalText.safe(paths.toString()));
            return ExitCodes.NOTHING_DONE;
        }
        Map<ProblemKind, Long> problems = new EnumMap<>(ProblemKind.class);
        AtomicLong records = new AtomicLong();
        long skipped = 0;
        int read = 0;
        long started = System.nanoTime();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
        OutputStream target = out != null ? Files.newOutputStream(out) : System.out;
        OutputStream sink = new BufferedOutputStream(target, 1 << 20);
        AtomicLong bytesDone = new AtomicLong();
        long bytesTotal = 0;
        for (Path file : files) {
            try {
                bytesTotal += Files.size(file);
            }
            catch (IOException e) {
                // Reported when the file is read; it only makes the ETA a little short.
            }
        }
        boolean showProgress = ProgressLine.wanted(quiet);
        // On a terminal a problem line first clears the progress line it lands on; elsewhere it is plain text.
        String lineStart = showProgress ? "\r\u001b[K" : "";
        try (CountProgress progress = CountProgress.start("dumping", "records", records, bytesDone, bytesTotal, stderr, showProgress)) {
            EvtxDumper dumper = new EvtxDumper(dumperFormat(), pool, threads, records, bytesDone);
            EvtxDumper.Summary summary = dumper.dumpAll(files, sink, problem -> print(stderr, lineStart, problem, problems));
            skipped = summary.skipped();
            read = (int) summary.filesRead();
        }
        finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            sink.flush();
            if (out != null) {
                sink.close();
            }
        }
        if (!quiet) {
            double seconds = (System.nanoTime() - started) / 1e9;
            stderr.printf("%d of %d files, %d records in %.2f s (%.0f records/s), %d damaged records or runs skipped%s%n", read, files.size(),
                    records.get(), seconds, records.get() / Math.max(seconds, 1e-9), skipped, problems.isEmpty() ? "" : "; problems: " + problems);
            stderr.flush();
        }
        return read == 0 ? ExitCodes.NOTHING_DONE : ExitCodes.OK;
    }

    private EvtxDumper.Format dumperFormat()
    {
        return switch (format) {
            case json -> EvtxDumper.Format.JSON;
            case jsonl -> EvtxDumper.Format.JSONL;
            case xml -> EvtxDumper.Format.XML;
        };
    }

    private static void print(PrintWriter stderr, String lineStart, ReadProblem problem, Map<ProblemKind, Long> counts)
    {
        counts.merge(problem.kind(), 1L, Long::sum);
        stderr.println(lineStart + TerminalText.safe(problem.toString()));
        stderr.flush();
    }

    private static List<Path> evtxFiles(Path path) throws IOException
    {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".evtx"))
                    .sorted().toList();
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ThreadFactory daemon()
    {
        return runnable -> {
            Thread thread = new Thread(runnable, "tradecraft-evtx");
            thread.setDaemon(true);
            return thread;
        };
    }
}
