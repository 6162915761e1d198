package dev.tradecraft.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.tradecraft.server.SampleWorkspace;
import dev.tradecraft.server.response.ResponsePlanner;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.read.Overview;
import dev.tradecraft.store.read.WorkspaceQueries;

class TestDashboard
{
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @TempDir
    static Path folder;

    private static Workspace workspace;
    private static WorkspaceQueries queries;
    private static Token token;
    private static Dashboard dashboard;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception
    {
        SampleWorkspace.write(folder);
        workspace = Workspace.openReadOnly(folder);
        queries = new WorkspaceQueries(workspace);
        token = Token.generate();
        dashboard = Dashboard.start(WorkspaceSource.perRequest(folder), ResponsePlanner.builtIn("CVE-2025-53770"), new DashboardSettings("127.0.0.1", 0, token));
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop()
    {
        if (dashboard != null) {
            dashboard.stop();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void testListensOnTheLoopbackAddressAndAnyFreePort()
    {
        assertTrue(dashboard.port() > 0);
        assertEquals("http://127.0.0.1:" + dashboard.port() + "/", dashboard.address().toString());
        assertEquals(dashboard.address() + "?token=" + token.value(), dashboard.signInAddress(token).toString());
    }

    @Test
    void testApiWithoutTheTokenIsRefusedWithJson() throws Exception
    {
        for (String path : List.of("/api/overview", "/api/campaigns", "/api/campaigns/TC-1", "/api/organisations", "/api/organisations/acme-energy",
                "/api/exposure", "/api/nothing")) {
            HttpResponse<String> response = get(path);
            assertEquals(401, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertTrue(response.body().contains("\"error\""), response.body());
            assertEquals(401, get(path, "Authorization", "Bearer " + Token.generate().value()).statusCode(), "another token: " + path);
            assertEquals(401, get(path, "Authorization", "Bearer " + token.value().substring(1)).statusCode(), "a shorter token: " + path);
        }
    }

    @Test
    void testApiWithTheTokenAnswersTheStoresNumbers() throws Exception
    {
        Overview overview = queries.overview();
        for (String[] header : new String[][] {{"Authorization", "Bearer " + token.value()}, {"X-Tradecraft-Token", token.value()}}) {
            HttpResponse<String> response = get("/api/overview", header);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals(overview.compromised(), number(response.body(), "compromised"));
            assertEquals(overview.campaigns(), number(response.body(), "campaigns"));
            assertEquals(overview.exposure().vulnerable(), number(response.body(), "vulnerable"));
            assertEquals(overview.exposure().services(), number(response.body(), "services"));
        }
        for (String path : List.of("/api/campaigns", "/api/campaigns/TC-1", "/api/organisations", "/api/organisations/acme-energy", "/api/exposure")) {
            HttpResponse<String> response = api(path);
            assertEquals(200, response.statusCode(), path);
            parse(response.body());
        }
        String organisation = api("/api/organisations/acme-energy").body();
        assertEquals(queries.organisation(SampleWorkspace.COMPROMISED, 10).orElseThrow().hitCount(), number(organisation, "hit_count"));
        assertTrue(organisation.contains("\"step\":\"remove_webshells\""), organisation);
        assertTrue(api("/api/campaigns/TC-1").body().contains("\"victims\""));
    }

    @Test
    void testUnknownCampaignOrOrganisationIsNotFound() throws Exception
    {
        assertEquals(404, api("/api/campaigns/TC-99").statusCode());
        assertTrue(api("/api/campaigns/TC-99").body().contains("no campaign 'TC-99'"));
        HttpResponse<String> page = page("/organisations/nobody%3Cb%3E");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("no organisation &#39;nobody&lt;b&gt;&#39;"), page.body());
        assertEquals(404, page("/no/such/page").statusCode());
    }

    @Test
    void testPagesNeedTheTokenAndABrowserSignsInOnceThroughTheAddress() throws Exception
    {
        HttpResponse<String> refused = get("/");
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(401, get("/?token=" + Token.generate().value()).statusCode());
        assertEquals(401, get("/campaigns", "Cookie", Access.COOKIE + "=" + Token.generate().value()).statusCode());

        HttpResponse<String> signIn = get("/campaigns?token=" + token.value() + "&view=all");
        assertEquals(303, signIn.statusCode());
        assertEquals("/campaigns?view=all", signIn.headers().firstValue("Location").orElseThrow(), "the same address without the token");
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(Access.COOKIE + "=" + token.value() + ";"), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);

        HttpResponse<String> page = get("/campaigns", "Cookie", Access.COOKIE + "=" + token.value());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("TC-1"));
    }

    @Test
    void testSignInNeverRedirectsToAnotherHost() throws Exception
    {
        String response = raw("GET //evil.example/?token=" + token.value() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String location = response.lines().filter(line -> line.regionMatches(true, 0, "Location:", 0, 9)).findFirst().orElse("");
        assertFalse(location.contains("//evil.example"), response);
    }

    @Test
    void testEveryAnswerCarriesTheSecurityHeaders() throws Exception
    {
        for (HttpResponse<String> response : List.of(page("/"), get("/"), api("/api/overview"), page("/nothing"))) {
            assertEquals(Dashboard.CONTENT_SECURITY_POLICY, response.headers().firstValue("Content-Security-Policy").orElse(""), response.uri().toString());
            assertTrue(Dashboard.CONTENT_SECURITY_POLICY.startsWith("default-src 'self'"));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
        }
    }

    @Test
    void testPagesShowTheStoresNumbersAndNoScript() throws Exception
    {
        Overview overview = queries.overview();
        String home = page("/").body();
        assertTrue(home.contains("data-metric=\"compromised\"><span class=\"number\">" + overview.compromised() + "</span>"), home);
        assertTrue(home.contains("data-metric=\"vulnerable\"><span class=\"number\">" + overview.exposure().vulnerable() + "</span>"), home);
        for (String path : List.of("/", "/campaigns", "/campaigns/TC-1", "/organisations", "/organisations/acme-energy", "/exposure")) {
            HttpResponse<String> response = page(path);
            assertEquals(200, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertFalse(response.body().contains("<script"), path);
            assertFalse(response.body().contains("http://") || response.body().contains("https://"), path + " links only to itself");
        }
        String campaign = page("/campaigns/TC-1").body();
        assertTrue(campaign.contains("href=\"/organisations/acme-energy\""), "victims link to their pages");
        assertTrue(campaign.contains("<svg"), "graph and timeline");
        assertEquals(200, page("/static/tradecraft.css").statusCode());
        assertEquals(200, page("/static/favicon.svg").statusCode());
    }

    @Test
    void testScriptInAUserAgentAndRuleTitleIsShownEscapedOnTheOrganisationPage() throws Exception
    {
        String body = page("/organisations/acme-energy").body();
        assertFalse(body.contains(SampleWorkspace.SCRIPT));
        assertTrue(body.contains("<strong>cs-user-agent</strong> " + ESCAPED_SCRIPT), "the matched field, as text");
        assertTrue(body.contains("Webshell " + ESCAPED_SCRIPT + " requested"), "the rule title, as text");
        assertFalse(body.contains(SampleWorkspace.REFERER));
        assertTrue(body.contains("cs-referer &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), "an unmatched field shown as context, as text");
        assertTrue(body.contains("c-ip " + SampleWorkspace.ATTACKER_IP), "the client address beside the hit");
        String json = api("/api/organisations/acme-energy").body();
        assertTrue(json.contains(SampleWorkspace.SCRIPT), "JSON carries the value as it was, for machines");
    }

    @Test
    void testStaticFilesCannotLeaveTheirFolder() throws Exception
    {
        for (String path : List.of("/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fetc%2fpasswd",
                "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/..%5c..%5cwindows%5cwin.ini", "/static/dev/tradecraft/server/web/Dashboard.class",
                "/static/%2e%2e/web/Dashboard.class", "/static/.%2e/.%2e/etc/passwd", "/static/..;/..;/etc/passwd")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tradecraft-Token: " + token.value() + "\r\nConnection: close\r\n\r\n");
            String status = response.lines().findFirst().orElse("");
            assertTrue(status.contains(" 404") || status.contains(" 400"), path + " -> " + status);
            assertFalse(response.contains("root:") || response.contains("[fonts]") || response.contains("\u00ca\u00fe\u00ba\u00be"), path);
        }
    }

    private static HttpResponse<String> page(String path) throws IOException, InterruptedException
    {
        return get(path, "Cookie", Access.COOKIE + "=" + token.value());
    }

    private static HttpResponse<String> api(String path) throws IOException, InterruptedException
    {
        return get(path, "Authorization", "Bearer " + token.value());
    }

    private static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request as written, for paths an HTTP client would normalise or refuse to send. */
    private static String raw(String request) throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", dashboard.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The first number field called {@code name}, anywhere in the document. */
    private static long number(String json, String name) throws IOException
    {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && parser.currentName().equals(name) && parser.nextToken().isNumeric()) {
                    return parser.getLongValue();
                }
            }
        }
        throw new AssertionError("no number " + name + " in " + json);
    }

    private static void parse(String json) throws IOException
    {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                // reading to the end proves it is well-formed JSON
            }
        }
    }
}
