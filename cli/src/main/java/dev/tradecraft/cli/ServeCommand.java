package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.tradecraft.server.web.Dashboard;
import dev.tradecraft.server.web.DashboardSettings;
import dev.tradecraft.server.web.Token;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", sortOptions = false,
        description = {
                "Serve the workspace as a web dashboard with a JSON API under /api/ (docs/dashboard.md).",
                "Every request needs the token: printed at start, or set with the TRADECRAFT_TOKEN environment variable.",
                "Hunts may keep writing the workspace while it runs; pages show the latest picture."})
final class ServeCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: 127.0.0.1, this machine only).")
    private String bind = DashboardSettings.DEFAULT_BIND_ADDRESS;

    @Option(names = "--port", paramLabel = "N", description = "Port (default: 8080; 0 for any free port).")
    private int port = DashboardSettings.DEFAULT_PORT;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: ./tradecraft-data).")
    private Path workspace = Workspace.DEFAULT_FOLDER;

    @Override
    public Integer call() throws InterruptedException
    {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dashboard dashboard;
        try {
            dashboard = DashboardLauncher.start(workspace, bind, port, Token.fromEnvironmentOrGenerate(), out);
        }
        catch (StoreException | IllegalArgumentException e) {
            err.println("tradecraft serve: " + TerminalText.safe(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
        catch (RuntimeException e) {
            // Jetty reports a port in use or an address it cannot bind as a runtime exception.
            err.println("tradecraft serve: cannot listen on " + bind + ":" + port + ": " + TerminalText.safe(String.valueOf(e.getMessage())));
            return ExitCodes.INVALID_INPUT;
        }
        DashboardLauncher.serveUntilStopped(dashboard);
        return ExitCodes.OK;
    }
}
