package dev.tradecraft.exposure.probe;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tradecraft.core.PrintableText;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.scan.Banner;
import dev.tradecraft.exposure.scan.HtmlTitle;
import dev.tradecraft.exposure.scan.HttpHeaders;

/**
 * The active SharePoint check, for authorised scopes only. Per target it sends {@code HEAD /};
 * when that answer lacks the {@code MicrosoftSharePointTeamServices} version header it also sends
 * {@code GET /_layouts/15/start.aspx}, a page every SharePoint farm serves. Nothing else is ever
 * sent: no POST, no exploit, no redirect followed (a {@code Location} is recorded as a header),
 * one connection per request, and a fixed User-Agent that names the tool and says the scan is
 * authorised.
 *
 * <p>Each reached target gives one {@link Banner} (source {@code probe}, position the scope line).
 * Its status, headers, title and body come from the most telling answer: the GET when it shows
 * SharePoint (a SharePoint header, or "Microsoft SharePoint" in the page), the HEAD otherwise, so
 * a plain IIS keeps the answer of its front page rather than a 404. Both answers' status lines
 * and headers, each under its request line, are kept as received in {@link Banner#rawBanner()}.
 * A target whose HEAD gets no HTTP answer gives a {@link ProbeFailure}; a failed GET after a good
 * HEAD is noted in the raw banner and the HEAD answer stands.
 *
 * <p>Workers are a fixed pool of threads named {@code tradecraft-probe-N}, at most
 * {@link ProbeOptions#concurrency()}; every request first takes a token from one bucket shared by
 * all workers. Name lookups use the system resolver, whose time is not bounded by the timeouts.
 */
public final class Prober
{
    /** Sent with every request, so whoever reads the server's logs can tell who asked and why. */
    public static final String USER_AGENT = "Tradecraft-probe/0.1 (authorised exposure check)";
    /** The header that carries SharePoint's version; when HEAD shows it, no GET is sent. */
    static final String VERSION_HEADER = "MicrosoftSharePointTeamServices";
    static final String START_PAGE = "/_layouts/15/start.aspx";
    private static final List<String> SHAREPOINT_HEADERS = List.of(VERSION_HEADER, "SPRequestGuid", "X-SharePointHealthScore",
            "SPIisLatency", "SPRequestDuration", "SPClientServiceRequestDuration", "X-MS-SPConnector", "MicrosoftOfficeWebServer");

    private final ProbeOptions options;

    public Prober(ProbeOptions options)
    {
        this.options = requireNonNull(options, "options is null");
    }

    /**
     * Probes every target of the scope and waits for all of them. Never throws for a target: each
     * ends as a banner or a failure. Throws {@link IllegalStateException} only when the calling
     * thread is interrupted, after stopping the workers.
     */
    public ProbeResult probe(ProbeScope scope, ProbeListener progress)
    {
        requireNonNull(scope, "scope is null");
        requireNonNull(progress, "progress is null");
        long started = System.nanoTime();
        List<ProbeTarget> targets = scope.targets();
        progress.planned(targets.size());

        TokenBucket bucket = new TokenBucket(options.requestsPerSecond());
        AtomicInteger requests = new AtomicInteger();
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, daemon("tradecraft-probe-watchdog"));
        watchdog.setRemoveOnCancelPolicy(true);
        HttpExchange exchange = new HttpExchange(options, watchdog);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(), targets.size()), new ProbeThreadFactory());
        List<Banner> banners = new ArrayList<>();
        List<ProbeFailure> failures = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>(targets.size());
            for (ProbeTarget target : targets) {
                futures.add(pool.submit(() -> probeTarget(scope, target, exchange, bucket, requests, progress)));
            }
            for (Future<Outcome> future : futures) {
                Outcome outcome = future.get();
                if (outcome.banner() != null) {
                    banners.add(outcome.banner());
                }
                else {
                    failures.add(outcome.failure());
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probe interrupted", e);
        }
        catch (ExecutionException e) {
            // probeTarget turns every exception into a failure; reaching here is a bug.
            throw new IllegalStateException("probe worker failed: " + e.getCause(), e.getCause());
        }
        finally {
            pool.shutdownNow();
            watchdog.shutdownNow();
        }
        return new ProbeResult(banners, failures, requests.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** A target's end: exactly one of the two is set. */
    private record Outcome(Banner banner, ProbeFailure failure) {}

    private Outcome probeTarget(ProbeScope scope, ProbeTarget target, HttpExchange exchange, TokenBucket bucket, AtomicInteger requests,
            ProbeListener progress)
    {
        SourcePosition position = SourcePosition.line(scope.file().toString(), target.line());
        try {
            List<InetAddress> addresses = resolve(target);
            bucket.acquire();
            requests.incrementAndGet();
            Reply head = exchange.exchange(target, addresses, "HEAD", "/");
            Reply get = null;
            ExchangeException getFailure = null;
            if (!head.answer().headers().contains(VERSION_HEADER)) {
                bucket.acquire();
                requests.incrementAndGet();
                try {
                    get = exchange.exchange(target, List.of(head.peer()), "GET", START_PAGE);
                }
                catch (ExchangeException e) {
                    getFailure = e;
                }
            }
            Reply chosen = get != null && showsSharePoint(get.answer()) ? get : head;
            Banner banner = banner(position, target, chosen, raw(head, get, getFailure));
            progress.reached(banner);
            return new Outcome(banner, null);
        }
        catch (ExchangeException e) {
            return failed(progress, new ProbeFailure(target, position, e.kind(), e.getMessage()));
        }
        catch (UnknownHostException e) {
            return failed(progress, new ProbeFailure(target, position, ProbeFailure.Kind.UNRESOLVED, "name did not resolve: " + target.host()));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(progress, new ProbeFailure(target, position, ProbeFailure.Kind.ERROR, "interrupted"));
        }
        catch (RuntimeException e) {
            return failed(progress, new ProbeFailure(target, position, ProbeFailure.Kind.ERROR, e.toString()));
        }
    }

    private static Outcome failed(ProbeListener progress, ProbeFailure failure)
    {
        progress.failed(failure);
        return new Outcome(null, failure);
    }

    private static List<InetAddress> resolve(ProbeTarget target)
            throws UnknownHostException
    {
        // Literals were checked by the scope, so the JDK parses them without a lookup.
        return Arrays.asList(InetAddress.getAllByName(target.host()));
    }

    static boolean showsSharePoint(HttpAnswer answer)
    {
        for (String name : SHAREPOINT_HEADERS) {
            if (answer.headers().contains(name)) {
                return true;
            }
        }
        byte[] body = answer.body();
        byte[] needle = "microsoft sharepoint".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= body.length; i++) {
            int j = 0;
            while (j < needle.length && Character.toLowerCase((char) (body[i + j] & 0xff)) == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return true;
            }
        }
        return false;
    }

    private Banner banner(SourcePosition position, ProbeTarget target, Reply chosen, String raw)
    {
        HttpAnswer answer = chosen.answer();
        List<String> hostnames = new ArrayList<>();
        if (Hosts.isName(target.host())) {
            hostnames.add(target.host());
        }
        for (String name : chosen.certificateNames()) {
            if (!hostnames.contains(name)) {
                hostnames.add(name);
            }
        }
        Optional<String> body = Optional.empty();
        Optional<String> title = Optional.empty();
        if (answer.body().length > 0 && isIdentityEncoded(answer.headers())) {
            String text = new String(answer.body(), charset(answer.headers()));
            body = Optional.of(text);
            title = HtmlTitle.of(text);
        }
        return new Banner("probe", position, address(chosen.peer()), target.port(), "tcp", Optional.of(chosen.time()), hostnames,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(answer.status()), answer.headers(), title, body,
                Optional.empty(), Optional.empty(), List.of(), Optional.of(raw));
    }

    /** Each request line followed by the answer's head as received; a failed GET says why. */
    private static String raw(Reply head, Reply get, ExchangeException getFailure)
    {
        StringBuilder raw = new StringBuilder(1024);
        raw.append(head.request()).append("\r\n").append(head.answer().rawHead());
        if (get != null) {
            raw.append(get.request()).append("\r\n").append(get.answer().rawHead());
        }
        if (getFailure != null) {
            raw.append("GET ").append(START_PAGE).append("\r\n")
                    .append("no answer: ").append(getFailure.kind()).append(": ").append(PrintableText.of(getFailure.getMessage(), PrintableText.MESSAGE_LENGTH)).append("\r\n");
        }
        return raw.toString();
    }

    private static boolean isIdentityEncoded(HttpHeaders headers)
    {
        // The request asks for identity; a compressed body anyway is not shown as garbled text.
        Optional<String> encoding = headers.first("Content-Encoding");
        return encoding.isEmpty() || encoding.get().isBlank() || encoding.get().strip().equalsIgnoreCase("identity");
    }

    private static Charset charset(HttpHeaders headers)
    {
        Optional<String> type = headers.first("Content-Type");
        if (type.isPresent()) {
            String value = type.get();
            int at = value.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (at >= 0) {
                String name = value.substring(at + "charset=".length());
                int end = name.indexOf(';');
                name = (end < 0 ? name : name.substring(0, end)).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                try {
                    return Charset.forName(name);
                }
                catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String address(InetAddress peer)
    {
        String text = peer.getHostAddress();
        int zone = text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
    }

    private static ThreadFactory daemon(String name)
    {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class ProbeThreadFactory implements ThreadFactory
    {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable task)
        {
            Thread thread = new Thread(task, "tradecraft-probe-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }
}
