package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Writes a seeded ToolShell world: IIS logs and Windows events per organisation and host, a Shodan
 * export, the ground truth and a README. Same spec, same bytes: every random choice derives from
 * the seed, output is sorted before it is written, and no clock or hash order is consulted.
 * Organisations are written in parallel; each writes only its own files.
 */
public final class WorldGenerator
{
    static final String SHODAN_FILE = "shodan-banners.json.gz";
    static final String TRUTH_FILE = "truth.json";
    static final String README_FILE = "README.txt";
    static final String WEBLOGS = "weblogs";
    static final String EVENTS = "events";
    static final String SCANS = "scans";

    private static final long LABEL = 0x574f524cL;

    private final WorldSpec spec;
    private final EventFileFormat eventFormat;

    /** Writes Windows events as evtx_dump-shape JSON. */
    public WorldGenerator(WorldSpec spec)
    {
        this(spec, EventFileFormat.JSON);
    }

    /** Writes Windows events in {@code eventFormat}; the events themselves do not depend on it. */
    public WorldGenerator(WorldSpec spec, EventFileFormat eventFormat)
    {
        this.spec = requireNonNull(spec, "spec is null");
        this.eventFormat = requireNonNull(eventFormat, "eventFormat is null");
    }

    /**
     * Writes the world under {@code dir}, which must be absent, empty, or hold an earlier world
     * (recognised by its truth.json), which is replaced.
     */
    public World write(Path dir) throws IOException
    {
        requireNonNull(dir, "dir is null");
        prepare(dir);
        Path webLogs = Files.createDirectories(dir.resolve(WEBLOGS));
        Path events = Files.createDirectories(dir.resolve(EVENTS));
        Path scans = Files.createDirectories(dir.resolve(SCANS));

        CampaignPlanner.Plan plan = CampaignPlanner.plan(spec);
        long[] totals = writeOrganisations(plan, webLogs, events);
        int banners = ShodanBannerWriter.write(scans.resolve(SHODAN_FILE), spec.seed(), plan.timeline(), plan.organisations());

        List<OrganisationTruth> organisations = new ArrayList<>(plan.organisations().size());
        int hosts = 0;
        for (OrganisationPlan organisation : plan.organisations()) {
            organisations.add(organisation.truth());
            hosts += organisation.profile().hosts().size();
        }
        organisations.sort(Comparator.comparing(OrganisationTruth::name));
        GroundTruth truth = new GroundTruth(spec.seed(), plan.actors(), organisations, plan.publicArtefacts());
        Path truthFile = dir.resolve(TRUTH_FILE);
        truth.write(truthFile);
        ReadmeWriter.write(dir.resolve(README_FILE), spec, eventFormat, plan.timeline(), truth,
                new ReadmeWriter.Totals(hosts, totals[0], totals[1], totals[2], totals[3], banners));
        return new World(dir, webLogs, events, scans, truthFile, truth);
    }

    private long[] writeOrganisations(CampaignPlanner.Plan plan, Path webLogs, Path events) throws IOException
    {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads());
        try {
            List<Future<long[]>> results = new ArrayList<>(plan.organisations().size());
            for (OrganisationPlan organisation : plan.organisations()) {
                results.add(pool.submit(() -> writeOrganisation(plan.timeline(), organisation, webLogs, events)));
            }
            long[] totals = new long[4];
            for (Future<long[]> result : results) {
                long[] counts = result.get();
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += counts[i];
                }
            }
            return totals;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the world", e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("writing the world failed", cause);
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** Writes one organisation's logs and events; returns log files, log lines, event files and events. */
    private long[] writeOrganisation(Timeline timeline, OrganisationPlan plan, Path webLogs, Path events) throws IOException
    {
        OrganisationProfile org = plan.profile();
        long[] counts = new long[4];
        for (HostProfile host : org.hosts()) {
            Path webDir = Files.createDirectories(webLogs.resolve(org.name()).resolve(host.name()));
            Path eventDir = Files.createDirectories(events.resolve(org.name()).resolve(host.name()));
            HostEvents hostEvents = plan.host(host.index());
            EventSystem.RecordNumbers numbers = new EventSystem.RecordNumbers(host.firstRecordId());
            W3cLayout layout = org.logging().layout();
            for (int day = 0; day < timeline.days(); day++) {
                long dayStart = timeline.start() + day * TimeText.MILLIS_PER_DAY;
                LocalDate date = timeline.date(day);
                boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                String stamp = TimeText.date(dayStart).replace("-", "");

                List<WebRequest> requests = new ArrayList<>(spec.requestsPerHostPerDay() * 3 / 2);
                BenignWebTraffic.generate(spec.seed(), org, host, day, dayStart, weekend, spec.requestsPerHostPerDay(), requests);
                requests.addAll(plan.requests(host.index(), dayStart, dayStart + TimeText.MILLIS_PER_DAY));
                requests.sort(Comparator.comparingLong(WebRequest::time));
                Dice logDice = Dice.of(spec.seed(), LABEL, org.index(), host.index(), day);
                List<IisLogWriter.Block> blocks = new ArrayList<>(2);
                int restart = -1;
                if (requests.size() > 20 && logDice.chance(0.12)) {
                    restart = logDice.between(requests.size() / 10, requests.size() * 9 / 10);
                }
                if (restart < 0) {
                    blocks.add(new IisLogWriter.Block(firstTime(requests, dayStart), org.effectiveLayout(layout), requests));
                }
                else {
                    List<WebRequest> before = requests.subList(0, restart);
                    List<WebRequest> after = requests.subList(restart, requests.size());
                    blocks.add(new IisLogWriter.Block(firstTime(before, dayStart), org.effectiveLayout(layout), before));
                    // A logging change takes effect at the restart and stays.
                    if (logDice.chance(0.35)) {
                        layout = changed(layout);
                    }
                    long restartTime = Math.max(before.get(before.size() - 1).time(),
                            after.get(0).time() - logDice.between(1, 20) * TimeText.MILLIS_PER_SECOND);
                    blocks.add(new IisLogWriter.Block(restartTime, org.effectiveLayout(layout), after));
                }
                boolean gzip = org.logging().gzipArchive() && day < timeline.days() - 1;
                Path logFile = webDir.resolve("u_ex" + stamp.substring(2) + (gzip ? ".log.gz" : ".log"));
                counts[1] += IisLogWriter.write(logFile, gzip, org.logging().crlf(), server(org, host), blocks);
                counts[0]++;

                List<WindowsEvent> dayEvents = new ArrayList<>();
                BenignHostActivity.generate(spec.seed(), org, hostEvents, day, dayStart, weekend,
                        Math.max(12, spec.requestsPerHostPerDay() / 4), dayEvents);
                dayEvents.addAll(plan.events(host.index(), dayStart, dayStart + TimeText.MILLIS_PER_DAY));
                dayEvents.sort(Comparator.comparingLong(WindowsEvent::micros));
                List<WindowsEvent> sysmon = new ArrayList<>(dayEvents.size());
                List<WindowsEvent> security = new ArrayList<>();
                for (WindowsEvent event : dayEvents) {
                    (event.channel() == WindowsEvent.Channel.SECURITY ? security : sysmon).add(event);
                }
                counts[3] += writeEvents(eventDir.resolve("sysmon-" + stamp + "." + eventFormat.extension()), org, host, sysmon, numbers);
                counts[2]++;
                if (!security.isEmpty()) {
                    counts[3] += writeEvents(eventDir.resolve("security-" + stamp + "." + eventFormat.extension()), org, host, security, numbers);
                    counts[2]++;
                }
            }
        }
        return counts;
    }

    private int writeEvents(Path file, OrganisationProfile org, HostProfile host, List<WindowsEvent> events, EventSystem.RecordNumbers numbers)
            throws IOException
    {
        return switch (eventFormat) {
            case JSON -> EventJsonWriter.write(file, org.logging().prettyEvents(), host, events, numbers);
            case EVTX -> EventEvtxWriter.write(file, host, events, numbers);
        };
    }

    private static long firstTime(List<WebRequest> requests, long dayStart)
    {
        return requests.isEmpty() ? dayStart : requests.get(0).time();
    }

    /** What an administrator changes in the logging settings: turn bytes on, or trim the extended set. */
    private static W3cLayout changed(W3cLayout layout)
    {
        if (layout == W3cLayout.DEFAULT) {
            return W3cLayout.DEFAULT_WITH_BYTES;
        }
        if (layout == W3cLayout.DEFAULT_WITH_BYTES) {
            return W3cLayout.EXTENDED;
        }
        if (layout == W3cLayout.EXTENDED) {
            return W3cLayout.DEFAULT_WITH_BYTES;
        }
        return layout;
    }

    private static IisLogWriter.Server server(OrganisationProfile org, HostProfile host)
    {
        return new IisLogWriter.Server(host.internalIp(), org.network().serverPort(), "W3SVC" + host.siteId(), host.computerName(),
                org.network().balancerIp());
    }

    /** Makes {@code dir} ready: creates it, accepts it empty, or clears an earlier world from it. */
    private static void prepare(Path dir) throws IOException
    {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        boolean empty;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            empty = !entries.iterator().hasNext();
        }
        if (empty) {
            return;
        }
        if (!Files.isRegularFile(dir.resolve(TRUTH_FILE))) {
            throw new IOException("directory is not empty and holds no generated world (no " + TRUTH_FILE + "): " + dir);
        }
        for (String tree : new String[] {WEBLOGS, EVENTS, SCANS}) {
            deleteTree(dir.resolve(tree));
        }
        Files.deleteIfExists(dir.resolve(TRUTH_FILE));
        Files.deleteIfExists(dir.resolve(README_FILE));
    }

    private static void deleteTree(Path root) throws IOException
    {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.toList());
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    private static ThreadFactory namedThreads()
    {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "tradecraft-scenarios-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
