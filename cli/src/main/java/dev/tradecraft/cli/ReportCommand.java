package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.tradecraft.server.report.ReportWriter;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.read.WorkspaceQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", sortOptions = false,
        description = {
                "Write the workspace as one self-contained HTML report (nothing fetched when it is opened; print it to PDF",
                "from a browser): campaigns with verdicts and evidence, exposure totals, and per organisation a response checklist.",
                "With --org, a report for that organisation alone, naming no other victim."})
final class ReportCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--org", paramLabel = "NAME", description = "Only this organisation (as hunted).")
    private String organisation;

    @Option(names = "--out", paramLabel = "FILE", description = "The HTML file (default: <workspace>/reports/tradecraft-report.html, or <NAME>.html with --org).")
    private Path out;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: ./tradecraft-data).")
    private Path workspace = Workspace.DEFAULT_FOLDER;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path file = out != null ? out : workspace.resolve("reports").resolve(organisation == null ? "tradecraft-report.html" : fileName(organisation));
        try (Workspace store = Workspace.openReadOnly(workspace)) {
            Path written = ReportWriter.forWorkspace(new WorkspaceQueries(store)).write(file, Optional.ofNullable(organisation));
            stdout.println("Report written to " + written);
            stdout.flush();
            return ExitCodes.OK;
        }
        catch (StoreException | IllegalArgumentException e) {
            stderr.println("tradecraft report: " + TerminalText.safe(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
    }

    /** A file name from an organisation name, which may hold any character. */
    static String fileName(String organisation)
    {
        String safe = organisation.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        return (safe.isEmpty() ? "organisation" : safe) + ".html";
    }
}
