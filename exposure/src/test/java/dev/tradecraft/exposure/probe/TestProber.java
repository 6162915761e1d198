package dev.tradecraft.exposure.probe;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import dev.tradecraft.exposure.scan.Banner;
import dev.tradecraft.exposure.scan.HttpHeaders;

/**
 * The prober against loopback servers that imitate what it meets on the internet: SharePoint
 * Server and SharePoint Online, plain IIS, redirects, and peers that are silent, slow or broken.
 */
public class TestProber
{
    private static final Path SCOPE_FILE = Path.of("lab-scope.txt");
    private static final ProbeOptions FAST = ProbeOptions.builder()
            .concurrency(4)
            .requestsPerSecond(1000)
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(3))
            .build();

    // SharePoint Server 2019 on-premises as it answers HEAD /, headers in the order IIS sends them.
    private static final String SHAREPOINT_2019_HEAD = "HTTP/1.1 200 OK\r\n"
            + "Cache-Control: private, max-age=0\r\n"
            + "Content-Length: 5120\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n"
            + "Server: Microsoft-IIS/10.0\r\n"
            + "X-SharePointHealthScore: 0\r\n"
            + "SPRequestGuid: 5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21\r\n"
            + "request-id: 5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21\r\n"
            + "SPRequestDuration: 38\r\n"
            + "SPIisLatency: 0\r\n"
            + "X-Powered-By: ASP.NET\r\n"
            + "MicrosoftSharePointTeamServices: 16.0.0.10417\r\n"
            + "X-MS-InvokeApp: 1; RequireReadOnly\r\n"
            + "Date: Mon, 21 Jul 2025 10:05:11 GMT\r\n"
            + "\r\n";

    @TempDir
    Path directory;

    @Test
    public void testSharePoint2019AnswersHeadWithItsVersion()
            throws IOException
    {
        try (ScriptedPeer peer = ScriptedPeer.start(ScriptedPeer.routes(Map.of("HEAD /", SHAREPOINT_2019_HEAD)))) {
            ProbeResult result = probe(FAST, new ProbeTarget("127.0.0.1", peer.port(), false, 7));
            assertEquals(List.of(), result.failures());
            Banner banner = single(result);
            assertEquals("probe", banner.source());
            assertEquals("lab-scope.txt:7", banner.position().toString());
            assertEquals("127.0.0.1", banner.address());
            assertEquals(peer.port(), banner.port());
            assertEquals("tcp", banner.transport());
            assertTrue(banner.observed().isPresent());
            assertEquals(List.of(), banner.hostnames(), "an address target has no name");
            assertEquals(200, banner.httpStatus().orElseThrow());
            assertEquals(List.of("Cache-Control", "Content-Length", "Content-Type", "Server", "X-SharePointHealthScore", "SPRequestGuid",
                    "request-id", "SPRequestDuration", "SPIisLatency", "X-Powered-By", "MicrosoftSharePointTeamServices", "X-MS-InvokeApp",
                    "Date"), names(banner));
            assertEquals("16.0.0.10417", banner.headers().first("microsoftsharepointteamservices").orElseThrow());
            assertEquals("1; RequireReadOnly", banner.headers().first("X-MS-InvokeApp").orElseThrow());
            assertEquals("Microsoft-IIS/10.0", banner.headers().first("Server").orElseThrow());
            assertEquals("HEAD /\r\n" + SHAREPOINT_2019_HEAD, banner.rawBanner().orElseThrow());
            assertTrue(banner.title().isEmpty() && banner.body().isEmpty(), "HEAD has no body, and its Content-Length is not waited for");
            assertTrue(banner.product().isEmpty() && banner.version().isEmpty(), "fingerprints, not the probe, name the product");

            // The version header made the GET unnecessary.
            assertEquals(List.of("HEAD /"), peer.requestLines());
            assertEquals(1, result.requestsSent());
            String request = peer.requests().get(0);
            assertEquals("HEAD / HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + peer.port() + "\r\n"
                    + "User-Agent: Tradecraft-probe/0.1 (authorised exposure check)\r\n"
                    + "Accept: */*\r\n"
                    + "Accept-Encoding: identity\r\n"
                    + "Connection: close\r\n"
                    + "\r\n", request);
        }
    }

    @Test
    public void testSharePointWithoutVersionHeaderIsAskedForItsStartPage()
            throws IOException
    {
        String head = "HTTP/1.1 200 OK\r\n"
                + "Server: Microsoft-IIS/10.0\r\n"
                + "X-SharePointHealthScore: 1\r\n"
                + "SPRequestGuid: 0c9d6a1e-1111-4a4a-9e9e-6f0b6a1a2b3c\r\n"
                + "X-Powered-By: ASP.NET\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n";
        String page = "<!DOCTYPE html><html><head><meta name=\"GENERATOR\" content=\"Microsoft SharePoint\" />"
                + "<title>\r\n\tÜberblick &amp; Start - Intranet\r\n</title></head><body>"
                + "x".repeat(3000) + "</body></html>";
        byte[] pageBytes = page.getBytes(UTF_8);
        String chunked = Integer.toHexString(100) + "\r\n" + new String(pageBytes, 0, 100, ISO_8859_1) + "\r\n"
                + Integer.toHexString(pageBytes.length - 100) + "\r\n" + new String(pageBytes, 100, pageBytes.length - 100, ISO_8859_1) + "\r\n"
                + "0\r\n\r\n";
        String get = "HTTP/1.1 200 OK\r\n"
                + "Cache-Control: private, max-age=0\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Server: Microsoft-IIS/10.0\r\n"
                + "X-SharePointHealthScore: 1\r\n"
                + "SPRequestGuid: 0c9d6a1e-2222-4a4a-9e9e-6f0b6a1a2b3c\r\n"
                + "X-Powered-By: ASP.NET\r\n"
                + "\r\n" + chunked;
        Map<String, String> routes = Map.of("HEAD /", head, "GET /_layouts/15/start.aspx", get);
        try (ScriptedPeer peer = ScriptedPeer.start(ScriptedPeer.routes(routes))) {
            ProbeOptions smallBody = ProbeOptions.builder().concurrency(1).requestsPerSecond(1000).readTimeout(Duration.ofSeconds(3))
                    .maxBodyBytes(1000).build();
            ProbeResult result = probe(smallBody, new ProbeTarget("127.0.0.1", peer.port(), false, 3));
            Banner banner = single(result);
            assertEquals(List.of("HEAD /", "GET /_layouts/15/start.aspx"), peer.requestLines());
            assertEquals(2, result.requestsSent());
            assertEquals(200, banner.httpStatus().orElseThrow());
            assertEquals("0c9d6a1e-2222-4a4a-9e9e-6f0b6a1a2b3c", banner.headers().first("SPRequestGuid").orElseThrow(),
                    "the start page answered with SharePoint headers, so the banner shows that answer");
            assertFalse(banner.headers().contains("MicrosoftSharePointTeamServices"));
            assertEquals("Überblick & Start - Intranet", banner.title().orElseThrow());
            String body = banner.body().orElseThrow();
            assertTrue(body.contains("content=\"Microsoft SharePoint\""), body);
            assertTrue(body.getBytes(UTF_8).length <= 1000, "the body is cut at maxBodyBytes");
            String raw = banner.rawBanner().orElseThrow();
            assertTrue(raw.startsWith("HEAD /\r\n" + head + "GET /_layouts/15/start.aspx\r\nHTTP/1.1 200 OK\r\n"), raw);
            assertTrue(peer.requests().get(1).startsWith("GET /_layouts/15/start.aspx HTTP/1.1\r\nHost: 127.0.0.1:" + peer.port() + "\r\n"));
        }
    }

    @Test
    public void testSharePointOnline()
            throws IOException
    {
        String head = "HTTP/1.1 403 FORBIDDEN\r\n"
                + "Content-Length: 13\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Server: Microsoft-IIS/10.0\r\n"
                + "X-NetworkStatistics: 0,525568,0,0,15,0,22331,21\r\n"
                + "X-SharePointHealthScore: 2\r\n"
                + "X-MS-SPConnector: 1\r\n"
                + "SPClientServiceRequestDuration: 12\r\n"
                + "SPRequestGuid: 7d1fa9a0-50f1-8000-5d7f-c34b5d0e4e1e\r\n"
                + "request-id: 7d1fa9a0-50f1-8000-5d7f-c34b5d0e4e1e\r\n"
                + "MS-CV: oKkffPFQAIBdf8NLXQ5OHg.0\r\n"
                + "X-FRAME-OPTIONS: SAMEORIGIN\r\n"
                + "X-Powered-By: ASP.NET\r\n"
                + "MicrosoftSharePointTeamServices: 16.0.0.27612\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "X-MS-InvokeApp: 1; RequireReadOnly\r\n"
                + "X-FEServer: AM0PR07CA0011\r\n"
                + "\r\n";
        try (ScriptedPeer peer = ScriptedPeer.start(ScriptedPeer.routes(Map.of("HEAD /", head)))) {
            Banner banner = single(probe(FAST, new ProbeTarget("127.0.0.1", peer.port(), false, 1)));
            assertEquals(403, banner.httpStatus().orElseThrow());
            assertEquals("16.0.0.27612", banner.headers().first("MicrosoftSharePointTeamServices").orElseThrow());
            assertEquals("AM0PR07CA0011", banner.headers().first("X-FEServer").orElseThrow());
            assertEquals("1", banner.headers().first("X-MS-SPConnector").orElseThrow());
            assertEquals("12", banner.headers().first("SPClientServiceRequestDuration").orElseThrow());
            assertEquals(16, banner.headers().headers().size());
            assertEquals(List.of("HEAD /"), peer.requestLines());
        }
    }

    @Test
    public void testPlainIisKeepsTheAnswerOfItsFrontPage()
            throws IOException
    {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = httpServer(exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
            exchange.getResponseHeaders().set("Server", "Microsoft-IIS/10.0");
            exchange.getResponseHeaders().set("X-Powered-By", "ASP.NET");
            if (exchange.getRequestURI().getPath().equals("/")) {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, -1);
            }
            else {
                byte[] page = "<html><head><title>404 - File or directory not found.</title></head></html>".getBytes(UTF_8);
                exchange.sendResponseHeaders(404, page.length);
                exchange.getResponseBody().write(page);
            }
            exchange.close();
        });
        try {
            Banner banner = single(probe(FAST, new ProbeTarget("127.0.0.1", server.getAddress().getPort(), false, 2)));
            String agent = " Tradecraft-probe/0.1 (authorised exposure check)";
            assertEquals(List.of("HEAD /" + agent, "GET /_layouts/15/start.aspx" + agent), seen);
            assertEquals(200, banner.httpStatus().orElseThrow(), "the 404 of the start page shows nothing, so the front page's answer stands");
            assertEquals("Microsoft-IIS/10.0", banner.headers().first("Server").orElseThrow());
            assertFalse(banner.headers().contains("SPRequestGuid"));
            assertFalse(banner.headers().contains("MicrosoftSharePointTeamServices"));
            assertTrue(banner.title().isEmpty());
            assertTrue(banner.rawBanner().orElseThrow().contains("GET /_layouts/15/start.aspx\r\nHTTP/1.1 404 Not Found\r\n"),
                    banner.rawBanner().orElseThrow());
        }
        finally {
            stop(server);
        }
    }

    @Test
    public void testRedirectIsRecordedNotFollowed()
            throws IOException
    {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = httpServer(exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getResponseHeaders().set("Location", "https://sp.example.org/sites/portal/SitePages/Home.aspx");
            exchange.getResponseHeaders().set("Server", "Microsoft-IIS/10.0");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        try {
            ProbeResult result = probe(FAST, new ProbeTarget("127.0.0.1", server.getAddress().getPort(), false, 4));
            Banner banner = single(result);
            assertEquals(302, banner.httpStatus().orElseThrow());
            assertEquals("https://sp.example.org/sites/portal/SitePages/Home.aspx", banner.headers().first("Location").orElseThrow());
            assertEquals(List.of("HEAD /", "GET /_layouts/15/start.aspx"), seen, "the Location is never visited");
            assertEquals(2, result.requestsSent());
        }
        finally {
            stop(server);
        }
    }

    @Test
    public void testSilentAndTricklingPeersTimeOutWithinTheDeadline()
            throws IOException
    {
        byte[] slowAnswer = "HTTP/1.1 200 OK\r\nServer: Microsoft-IIS/10.0\r\n\r\n".getBytes(ISO_8859_1);
        // A TLS record header announcing 64 bytes of handshake, then the bytes one by one: every
        // read gets a byte in time, so only a deadline on the whole handshake stops it.
        byte[] slowHandshake = new byte[69];
        slowHandshake[0] = 0x16;
        slowHandshake[1] = 0x03;
        slowHandshake[2] = 0x03;
        slowHandshake[4] = 0x40;
        slowHandshake[5] = 0x02;
        try (ScriptedPeer silent = ScriptedPeer.start(ScriptedPeer.silent());
                ScriptedPeer trickle = ScriptedPeer.start(ScriptedPeer.trickle(slowAnswer, 1000));
                ScriptedPeer slowTls = ScriptedPeer.startWithoutReading(ScriptedPeer.trickle(slowHandshake, 1000))) {
            ProbeOptions options = ProbeOptions.builder().concurrency(3).requestsPerSecond(1000).readTimeout(Duration.ofMillis(2500))
                    .trustAllCertificates(true).build();
            long started = System.nanoTime();
            ProbeResult result = probe(options,
                    new ProbeTarget("127.0.0.1", silent.port(), false, 1),
                    new ProbeTarget("127.0.0.1", trickle.port(), false, 2),
                    new ProbeTarget("127.0.0.1", slowTls.port(), true, 3));
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(List.of(), result.banners());
            assertEquals(3, result.failures().size());
            for (ProbeFailure failure : result.failures()) {
                assertEquals(ProbeFailure.Kind.TIMEOUT, failure.kind(), failure.toString());
            }
            assertEquals("no complete answer within 2500 ms (0 bytes of the response received)", result.failures().get(0).reason());
            String trickled = result.failures().get(1).reason();
            assertTrue(trickled.startsWith("no complete answer within 2500 ms (") && !trickled.contains("(0 bytes"), trickled);
            assertEquals("no complete answer within 2500 ms (stuck in the TLS handshake)", result.failures().get(2).reason());
            assertTrue(elapsedMillis >= 2400 && elapsedMillis < 4500, "three peers probed in parallel, each cut at 2.5 s: " + elapsedMillis + " ms");
        }
    }

    @Test
    public void testBrokenPeersAreFailuresWithReasons()
            throws IOException
    {
        int closedPort;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = nobody.getLocalPort();
        }
        try (ScriptedPeer ssh = ScriptedPeer.startWithoutReading(ScriptedPeer.answer("SSH-2.0-OpenSSH_9.6\r\n"));
                ScriptedPeer cut = ScriptedPeer.start(ScriptedPeer.answer("HTTP/1.1 200 OK\r\nServer: Micro"));
                ScriptedPeer hangUp = ScriptedPeer.start(ScriptedPeer.answer(""));
                ScriptedPeer binary = ScriptedPeer.start(ScriptedPeer.answer("\u0000\u0001\u0002\u001b[2J junk\r\n\r\n"))) {
            ProbeResult result = probe(FAST,
                    new ProbeTarget("127.0.0.1", ssh.port(), false, 1),
                    new ProbeTarget("127.0.0.1", cut.port(), false, 2),
                    new ProbeTarget("127.0.0.1", hangUp.port(), false, 3),
                    new ProbeTarget("127.0.0.1", binary.port(), false, 4),
                    new ProbeTarget("127.0.0.1", closedPort, false, 5),
                    new ProbeTarget("127.0.0.1", ssh.port(), true, 6));
            assertEquals(List.of(), result.banners());
            List<ProbeFailure> failures = result.failures();
            assertEquals(6, failures.size());
            assertFailure(failures.get(0), 1, ProbeFailure.Kind.MALFORMED, "not an HTTP status line: 'SSH-2'");
            assertFailure(failures.get(1), 2, ProbeFailure.Kind.MALFORMED, "connection closed after 30 bytes, before the response headers were complete");
            assertFailure(failures.get(2), 3, ProbeFailure.Kind.MALFORMED, "connection closed without an answer");
            assertFailure(failures.get(3), 4, ProbeFailure.Kind.MALFORMED, "not an HTTP status line: '????['");
            assertFailure(failures.get(4), 5, ProbeFailure.Kind.REFUSED, "connection refused");
            assertEquals(ProbeFailure.Kind.TLS, failures.get(5).kind(), "HTTPS to a peer that does not speak TLS: " + failures.get(5));
            assertEquals("lab-scope.txt:5: http://127.0.0.1:" + closedPort + ": REFUSED: connection refused", failures.get(4).toString());
        }
    }

    @Test
    public void testFailedStartPageLeavesTheFrontPageAnswer()
            throws IOException
    {
        String head = "HTTP/1.1 200 OK\r\nServer: Microsoft-IIS/10.0\r\nSPRequestGuid: 1a2b\r\nContent-Length: 0\r\n\r\n";
        String brokenGet = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly ten b";
        ScriptedPeer.Script script = (request, in, out) -> {
            String line = ScriptedPeer.requestLine(request);
            out.write((line.equals("HEAD /") ? head : brokenGet).getBytes(ISO_8859_1));
            out.flush();
        };
        try (ScriptedPeer peer = ScriptedPeer.start(script)) {
            Banner banner = single(probe(FAST, new ProbeTarget("127.0.0.1", peer.port(), false, 9)));
            assertEquals(List.of("HEAD /", "GET /_layouts/15/start.aspx"), peer.requestLines());
            assertEquals(200, banner.httpStatus().orElseThrow());
            assertEquals("1a2b", banner.headers().first("SPRequestGuid").orElseThrow());
            assertTrue(banner.body().isEmpty());
            assertEquals("HEAD /\r\n" + head + "GET /_layouts/15/start.aspx\r\n"
                    + "no answer: MALFORMED: connection closed after 10 of 1000 body bytes\r\n", banner.rawBanner().orElseThrow());
        }
    }

    @Test
    public void testConcurrencyNeverExceedsTheBound()
            throws IOException
    {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        HttpServer server = httpServer(exchange -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(150);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Counted out before answering: the client may start its next request as soon as it has the answer.
            inFlight.decrementAndGet();
            exchange.getResponseHeaders().set("MicrosoftSharePointTeamServices", "16.0.0.5508");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        try {
            List<ProbeTarget> targets = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                targets.add(new ProbeTarget("127.0.0.1", server.getAddress().getPort(), false, i));
            }
            Set<String> threads = ConcurrentHashMap.newKeySet();
            ProbeListener listener = new ProbeListener()
            {
                @Override
                public void reached(Banner banner)
                {
                    threads.add(Thread.currentThread().getName());
                }
            };
            ProbeOptions options = ProbeOptions.builder().concurrency(3).requestsPerSecond(1000).build();
            ProbeResult result = new Prober(options).probe(new ProbeScope(targets, "lab", SCOPE_FILE), listener);
            assertEquals(12, result.banners().size());
            assertTrue(maxInFlight.get() <= 3, "at most 3 requests at once, saw " + maxInFlight.get());
            assertTrue(maxInFlight.get() >= 2, "requests overlap, saw at most " + maxInFlight.get());
            assertTrue(threads.size() <= 3, threads.toString());
            for (String thread : threads) {
                assertTrue(thread.startsWith("tradecraft-probe-"), thread);
            }
            for (int i = 0; i < 12; i++) {
                assertEquals("lab-scope.txt:" + (i + 1), result.banners().get(i).position().toString(), "banners come in scope order");
            }
        }
        finally {
            stop(server);
        }
    }

    @Test
    public void testRateLimitHoldsAcrossWorkers()
            throws IOException
    {
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = httpServer(exchange -> {
            arrivals.add(System.nanoTime());
            exchange.getResponseHeaders().set("MicrosoftSharePointTeamServices", "16.0.0.18526");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        try {
            int requests = 9;
            double rate = 20;
            List<ProbeTarget> targets = new ArrayList<>();
            for (int i = 1; i <= requests; i++) {
                targets.add(new ProbeTarget("127.0.0.1", server.getAddress().getPort(), false, i));
            }
            ProbeOptions options = ProbeOptions.builder().concurrency(8).requestsPerSecond(rate).build();
            long started = System.nanoTime();
            ProbeResult result = new Prober(options).probe(new ProbeScope(targets, "lab", SCOPE_FILE), ProbeListener.NONE);
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(requests, result.banners().size());
            assertEquals(requests, arrivals.size());
            List<Long> sorted = new ArrayList<>(arrivals);
            Collections.sort(sorted);
            long spanMillis = TimeUnit.NANOSECONDS.toMillis(sorted.get(sorted.size() - 1) - sorted.get(0));
            // A bucket of one token: the first request goes at once, each other one 1/rate later.
            long expectedMillis = (long) ((requests - 1) / rate * 1000);
            // The client cannot finish sooner; the server sees the spread less a cold first connection.
            assertTrue(elapsedMillis >= expectedMillis, requests + " requests at " + rate + "/s took " + elapsedMillis + " ms");
            assertTrue(spanMillis >= expectedMillis - 100, requests + " requests at " + rate + "/s arrived within " + spanMillis + " ms");
            assertTrue(elapsedMillis < expectedMillis + 2000, "and not much slower: " + elapsedMillis + " ms");
        }
        finally {
            stop(server);
        }
    }

    @Test
    public void testCertificatesAreVerifiedUnlessTrustIsAskedFor()
            throws Exception
    {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Assumptions.assumeTrue(Files.isExecutable(keytool), "no keytool in " + keytool + " to make a lab certificate; TLS test skipped");
        Path store = directory.resolve("lab.p12");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "lab", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=sp.lab.tradecraft.test", "-ext", "SAN=dns:sp.lab.tradecraft.test,dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        Assumptions.assumeTrue(process.waitFor() == 0 && Files.exists(store), "keytool could not make a lab certificate: " + output);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        ExecutorService executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("MicrosoftSharePointTeamServices", "16.0.0.18526");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            ProbeTarget target = new ProbeTarget("127.0.0.1", server.getAddress().getPort(), true, 1);
            ProbeResult verified = probe(FAST, target);
            assertEquals(List.of(), verified.banners());
            ProbeFailure failure = verified.failures().get(0);
            assertEquals(ProbeFailure.Kind.TLS, failure.kind());
            assertTrue(failure.reason().contains("certification path") || failure.reason().contains("PKIX"), failure.reason());

            ProbeOptions lab = ProbeOptions.builder().requestsPerSecond(1000).trustAllCertificates(true).build();
            Banner banner = single(probe(lab, target));
            assertEquals(200, banner.httpStatus().orElseThrow());
            assertEquals("16.0.0.18526", banner.headers().first("MicrosoftSharePointTeamServices").orElseThrow());
            assertEquals(List.of("sp.lab.tradecraft.test", "localhost"), banner.hostnames(), "the certificate names the address");
        }
        finally {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static ProbeResult probe(ProbeOptions options, ProbeTarget... targets)
    {
        return new Prober(options).probe(new ProbeScope(List.of(targets), "lab", SCOPE_FILE), ProbeListener.NONE);
    }

    private static Banner single(ProbeResult result)
    {
        assertEquals(List.of(), result.failures());
        assertEquals(1, result.banners().size());
        return result.banners().get(0);
    }

    private static List<String> names(Banner banner)
    {
        List<String> names = new ArrayList<>();
        for (HttpHeaders.Header header : banner.headers().headers()) {
            names.add(header.name());
        }
        return names;
    }

    private static void assertFailure(ProbeFailure failure, int line, ProbeFailure.Kind kind, String reason)
    {
        assertEquals(line, failure.target().line(), failure.toString());
        assertEquals("lab-scope.txt:" + line, failure.position().toString());
        assertEquals(kind, failure.kind(), failure.toString());
        assertEquals(reason, failure.reason());
    }

    private static HttpServer httpServer(HttpHandler handler)
            throws IOException
    {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", handler);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "loopback-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    private static void stop(HttpServer server)
    {
        server.stop(0);
        if (server.getExecutor() instanceof ExecutorService) {
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
