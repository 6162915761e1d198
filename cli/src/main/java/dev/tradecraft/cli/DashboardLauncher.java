package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.tradecraft.server.response.ResponsePlanner;
import dev.tradecraft.server.web.Dashboard;
import dev.tradecraft.server.web.DashboardSettings;
import dev.tradecraft.server.web.Token;
import dev.tradecraft.server.web.WorkspaceSource;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.read.WorkspaceQueries;

/** Starts the dashboard on a workspace and tells the user where it is, for {@code serve} and {@code demo --serve}. */
final class DashboardLauncher
{
    private DashboardLauncher() {}

    /** Starts it and prints the address to open (with the token) and how to call the API. */
    static Dashboard start(Path workspace, String bind, int port, Token token, PrintWriter out) throws StoreException
    {
        String cve;
        try (Workspace store = Workspace.openReadOnly(workspace)) {
            cve = new WorkspaceQueries(store).overview().exposure().key();
        }
        Dashboard dashboard = Dashboard.start(WorkspaceSource.perRequest(workspace), ResponsePlanner.builtIn(cve),
                new DashboardSettings(bind, port, token));
        out.println("Dashboard on " + workspace + ": open " + dashboard.signInAddress(token));
        out.println("API: curl -H 'Authorization: Bearer " + token.value() + "' " + dashboard.address() + "api/overview");
        if (!isLoopback(bind)) {
            out.println("Warning: listening on " + bind + ", not only this machine; anyone who has the token can read the workspace.");
        }
        out.println("Stop with Ctrl-C.");
        out.flush();
        return dashboard;
    }

    /** Serves until the process is told to stop (Ctrl-C, SIGTERM). */
    static void serveUntilStopped(Dashboard dashboard) throws InterruptedException
    {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.stop();
            stopped.countDown();
        }, "tradecraft-dashboard-stop"));
        stopped.await();
    }

    private static boolean isLoopback(String bind)
    {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        }
        catch (UnknownHostException e) {
            return false;
        }
    }
}
