package dev.tradecraft.server.web;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.javalin.Javalin;
import io.javalin.http.Context;

import dev.tradecraft.server.html.Document;
import dev.tradecraft.server.html.Stylesheet;
import dev.tradecraft.server.response.ResponsePlanner;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.read.CampaignDetail;
import dev.tradecraft.store.read.ExposureDimension;
import dev.tradecraft.store.read.OrganisationDetail;
import dev.tradecraft.store.read.Overview;
import dev.tradecraft.store.read.WorkspaceQueries;

/**
 * The web dashboard and its JSON API over a workspace, on Javalin (Jetty). Every request needs the
 * token (see {@link Access}); pages carry no script and are served with a Content-Security-Policy
 * that allows none. Queries run one at a time: the workspace is one DuckDB connection.
 *
 * <p>Pages: {@code /}, {@code /campaigns}, {@code /campaigns/{id}}, {@code /organisations},
 * {@code /organisations/{name}}, {@code /exposure}. API: {@code /api/overview},
 * {@code /api/campaigns}, {@code /api/campaigns/{id}}, {@code /api/organisations},
 * {@code /api/organisations/{name}}, {@code /api/exposure}.
 */
public final class Dashboard implements AutoCloseable
{
    /** Hits shown on an organisation's page and in its JSON; the total is always given. */
    public static final int HITS_PER_ORGANISATION = 500;
    /** Scanned services listed on the exposure page. */
    public static final int SERVERS_LISTED = 200;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/json";

    private final Javalin app;
    private final String host;

    private Dashboard(Javalin app, String host)
    {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts the dashboard and returns once it listens.
     *
     * @param queries how each request reaches the workspace
     * @param planner makes the response checklists
     */
    public static Dashboard start(WorkspaceSource queries, ResponsePlanner planner, DashboardSettings settings)
    {
        requireNonNull(queries, "queries is null");
        requireNonNull(planner, "planner is null");
        requireNonNull(settings, "settings is null");
        quietLogging();
        Handlers handlers = new Handlers(queries, planner);
        Access access = new Access(settings.token());
        StaticAssets assets = new StaticAssets("dev/tradecraft/server/web/static/");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.before(Dashboard::securityHeaders);
            config.routes.before(access::check);
            config.routes.get("/", handlers::overviewPage);
            config.routes.get("/campaigns", handlers::campaignsPage);
            config.routes.get("/campaigns/{id}", handlers::campaignPage);
            config.routes.get("/organisations", handlers::organisationsPage);
            config.routes.get("/organisations/{name}", handlers::organisationPage);
            config.routes.get("/exposure", handlers::exposurePage);
            config.routes.get("/api/overview", handlers::overviewJson);
            config.routes.get("/api/campaigns", handlers::campaignsJson);
            config.routes.get("/api/campaigns/{id}", handlers::campaignJson);
            config.routes.get("/api/organisations", handlers::organisationsJson);
            config.routes.get("/api/organisations/{name}", handlers::organisationJson);
            config.routes.get("/api/exposure", handlers::exposureJson);
            config.routes.get(Document.STYLESHEET_PATH, ctx -> ctx.contentType("text/css; charset=utf-8").result(Stylesheet.CSS));
            config.routes.get("/static/{name}", ctx -> {
                StaticAssets.Asset asset = assets.find(ctx.pathParam("name")).orElseThrow(() -> new Missing("no such file"));
                ctx.contentType(asset.contentType()).result(asset.bytes());
            });
            config.routes.exception(Refusal.class, (failure, ctx) -> problem(ctx, 401, "Token needed", failure.getMessage()));
            config.routes.exception(Missing.class, (failure, ctx) -> {
                ctx.attribute("tradecraft.missing", failure.getMessage());
                ctx.status(404);
            });
            config.routes.exception(StoreException.class, (failure, ctx) -> problem(ctx, 500, "Cannot read the workspace", failure.getMessage()));
            config.routes.error(404, ctx -> {
                String message = ctx.attribute("tradecraft.missing");
                problem(ctx, 404, "Not found", message == null ? "nothing is served at this address" : message);
            });
        });
        app.start(settings.bindAddress(), settings.port());
        return new Dashboard(app, settings.bindAddress());
    }

    /** With the built-in SharePoint knowledge, for the CVE the workspace's exposure data counts. */
    public static Dashboard start(WorkspaceQueries queries, DashboardSettings settings) throws StoreException
    {
        requireNonNull(queries, "queries is null");
        return start(WorkspaceSource.shared(queries), ResponsePlanner.builtIn(queries.overview().exposure().key()), settings);
    }

    /** The port it listens on (the one chosen when started with port 0). */
    public int port()
    {
        return app.port();
    }

    /** E.g. {@code http://127.0.0.1:8080/}. */
    public URI address()
    {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** The address a browser opens once: {@link #address()} with {@code ?token=}. */
    public URI signInAddress(Token token)
    {
        return URI.create(address() + "?" + Access.QUERY + "=" + token.value());
    }

    public void stop()
    {
        app.stop();
    }

    @Override
    public void close()
    {
        stop();
    }

    private static void securityHeaders(Context ctx)
    {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    private static void problem(Context ctx, int status, String title, String message)
    {
        ctx.status(status);
        if (Access.isApi(ctx.path())) {
            ctx.contentType(JSON).result(ApiJson.error(status, message));
        }
        else {
            ctx.contentType(HTML).result(DashboardPages.problem(title, message).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Jetty and Javalin log each start and connection at info level; a terminal tool wants only
     * their warnings. A level the user set explicitly is left alone.
     */
    private static void quietLogging()
    {
        for (String logger : new String[] {"org.eclipse.jetty", "io.javalin"}) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
    }

    /** The route handlers: read, render, answer. */
    private static final class Handlers
    {
        private final WorkspaceSource queries;
        private final ResponsePlanner planner;

        Handlers(WorkspaceSource queries, ResponsePlanner planner)
        {
            this.queries = queries;
            this.planner = planner;
        }

        void overviewPage(Context ctx) throws StoreException
        {
            html(ctx, read(source -> DashboardPages.overview(source.overview(), source.campaigns())));
        }

        void campaignsPage(Context ctx) throws StoreException
        {
            html(ctx, read(source -> DashboardPages.campaigns(source.campaigns())));
        }

        void campaignPage(Context ctx) throws StoreException
        {
            html(ctx, DashboardPages.campaign(campaign(ctx)));
        }

        void organisationsPage(Context ctx) throws StoreException
        {
            html(ctx, read(source -> DashboardPages.organisations(source.organisations())));
        }

        void organisationPage(Context ctx) throws StoreException
        {
            OrganisationDetail detail = organisation(ctx);
            html(ctx, DashboardPages.organisation(detail, planner.plan(detail)));
        }

        void exposurePage(Context ctx) throws StoreException
        {
            html(ctx, read(source -> DashboardPages.exposure(source.overview().exposure(), source.exposureBy(ExposureDimension.COUNTRY),
                    source.exposureBy(ExposureDimension.PRODUCT), source.exposures(SERVERS_LISTED))));
        }

        void overviewJson(Context ctx) throws StoreException
        {
            Overview overview = read(WorkspaceQueries::overview);
            json(ctx, ApiJson.overview(overview));
        }

        void campaignsJson(Context ctx) throws StoreException
        {
            json(ctx, read(source -> ApiJson.campaigns(source.campaigns())));
        }

        void campaignJson(Context ctx) throws StoreException
        {
            json(ctx, ApiJson.campaign(campaign(ctx)));
        }

        void organisationsJson(Context ctx) throws StoreException
        {
            json(ctx, read(source -> ApiJson.organisations(source.organisations())));
        }

        void organisationJson(Context ctx) throws StoreException
        {
            OrganisationDetail detail = organisation(ctx);
            json(ctx, ApiJson.organisation(detail, planner.plan(detail)));
        }

        void exposureJson(Context ctx) throws StoreException
        {
            json(ctx, read(source -> ApiJson.exposure(source.overview().exposure(), source.exposureBy(ExposureDimension.COUNTRY),
                    source.exposureBy(ExposureDimension.PRODUCT), source.exposures(SERVERS_LISTED))));
        }

        private CampaignDetail campaign(Context ctx) throws StoreException
        {
            String id = ctx.pathParam("id");
            Optional<CampaignDetail> detail = read(source -> source.campaign(id));
            return detail.orElseThrow(() -> new Missing("no campaign '" + id + "' in the workspace"));
        }

        private OrganisationDetail organisation(Context ctx) throws StoreException
        {
            String name = ctx.pathParam("name");
            Optional<OrganisationDetail> detail = read(source -> source.organisation(name, HITS_PER_ORGANISATION));
            return detail.orElseThrow(() -> new Missing("no organisation '" + name + "' in the workspace"));
        }

        private <T> T read(WorkspaceSource.Read<T> work) throws StoreException
        {
            return queries.read(work);
        }

        private static void html(Context ctx, String page)
        {
            ctx.contentType(HTML).result(page.getBytes(StandardCharsets.UTF_8));
        }

        private static void json(Context ctx, String body)
        {
            ctx.contentType(JSON).result(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
