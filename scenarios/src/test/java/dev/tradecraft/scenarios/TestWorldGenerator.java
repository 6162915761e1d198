package dev.tradecraft.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.CommandFingerprint;
import dev.tradecraft.core.ObservableType;

class TestWorldGenerator
{
    private static final Path CORPUS = Path.of("../shared/corpus/sigma-regression/regression_data");

    @TempDir
    static Path directory;

    private static World demo;
    private static WorldContents contents;

    @BeforeAll
    static void generateDemo() throws IOException
    {
        WorldSpec spec = WorldSpec.demo();
        long started = System.nanoTime();
        demo = new WorldGenerator(spec).write(directory.resolve("demo"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("demo world (seed " + spec.seed() + ") generated in " + millis + " ms");
        contents = WorldContents.read(demo);
        long lines = 0;
        for (List<W3cLogFile> logs : contents.logs.values()) {
            for (W3cLogFile log : logs) {
                lines += log.lines.size();
            }
        }
        long events = 0;
        for (List<WorldContents.HostEvent> list : contents.events.values()) {
            events += list.size();
        }
        System.out.println("demo world: " + lines + " log lines, " + events + " events");
    }

    @Test
    void testSameSpecWritesSameBytes() throws IOException
    {
        World again = new WorldGenerator(WorldSpec.demo()).write(directory.resolve("demo-again"));
        Map<String, String> first = WorldContents.digests(demo.root());
        Map<String, String> second = WorldContents.digests(again.root());
        assertEquals(first.keySet(), second.keySet());
        for (Map.Entry<String, String> entry : first.entrySet()) {
            assertEquals(entry.getValue(), second.get(entry.getKey()),
                    "seed " + WorldSpec.demo().seed() + ": " + entry.getKey() + " differs");
        }
    }

    @Test
    void testDifferentSeedWritesDifferentBytes() throws IOException
    {
        WorldSpec one = new WorldSpec(11, 6, LocalDate.of(2025, 7, 17), 5, 40);
        WorldSpec two = new WorldSpec(12, 6, LocalDate.of(2025, 7, 17), 5, 40);
        Map<String, String> first = WorldContents.digests(new WorldGenerator(one).write(directory.resolve("seed-11")).root());
        Map<String, String> second = WorldContents.digests(new WorldGenerator(two).write(directory.resolve("seed-12")).root());
        assertNotEquals(first.get("truth.json"), second.get("truth.json"));
        assertNotEquals(first.get("scans/shodan-banners.json.gz"), second.get("scans/shodan-banners.json.gz"));
        assertNotEquals(first, second);
    }

    @Test
    void testDemoStatusMix()
    {
        GroundTruth truth = demo.truth();
        assertEquals(40, truth.organisations().size());
        assertEquals(12, truth.count(OrganisationStatus.COMPROMISED));
        assertEquals(10, truth.count(OrganisationStatus.ATTEMPTED));
        assertEquals(18, truth.count(OrganisationStatus.CLEAN));
        Set<String> actors = new TreeSet<>();
        for (ActorTruth actor : truth.actors()) {
            actors.add(actor.id());
        }
        assertEquals(Set.of("espionage-1", "espionage-2", "ransomware-1", "copycat-1", "research-probes", "internet-scanners"), actors);
        ActorTruth early = truth.actor("espionage-1").orElseThrow();
        assertTrue(early.sourceIps().containsAll(List.of("107.191.58.76", "104.238.159.149")), early.sourceIps().toString());
        assertEquals("2025-07-18", early.firstSeen().toString().substring(0, 10));
        assertTrue(truth.actor("copycat-1").orElseThrow().firstSeen().toString().compareTo("2025-07-21") >= 0);
        boolean twoActors = false;
        for (OrganisationTruth organisation : truth.organisations()) {
            twoActors |= organisation.status() == OrganisationStatus.COMPROMISED && organisation.actors().size() > 1;
        }
        assertTrue(twoActors, "one organisation is compromised by two actors");
    }

    @Test
    void testDemoHasRealActorsReconnaissanceAndACopycat()
    {
        GroundTruth truth = demo.truth();
        Set<String> real = new TreeSet<>();
        Set<String> realAddresses = new TreeSet<>();
        Set<String> reconnaissanceAddresses = new TreeSet<>();
        for (ActorTruth actor : truth.actors()) {
            assertFalse(actor.sourceIps().isEmpty(), actor.id());
            if (actor.reconnaissance()) {
                reconnaissanceAddresses.addAll(actor.sourceIps());
            }
            else {
                real.add(actor.id());
                realAddresses.addAll(actor.sourceIps());
            }
            assertEquals(actor.id().equals("copycat-1") ? "espionage-1" : "", actor.copies(), actor.id());
        }
        assertEquals(Set.of("espionage-1", "espionage-2", "ransomware-1", "copycat-1"), real);
        assertEquals(ActorTruth.RESEARCH, truth.actor("research-probes").orElseThrow().kind());
        assertEquals(ActorTruth.SCANNER, truth.actor("internet-scanners").orElseThrow().kind());
        for (String address : reconnaissanceAddresses) {
            assertFalse(realAddresses.contains(address), address + " is both an actor's and a scanner's");
        }
        for (String address : truth.actor("internet-scanners").orElseThrow().sourceIps()) {
            boolean scanningNetwork = false;
            for (String prefix : Addresses.SCANNERS) {
                scanningNetwork |= address.startsWith(prefix + ".");
            }
            assertTrue(scanningNetwork, address);
        }

        boolean twoRealActors = false;
        for (OrganisationTruth organisation : truth.organisations()) {
            int count = 0;
            for (String actor : organisation.actors()) {
                count += real.contains(actor) ? 1 : 0;
            }
            twoRealActors |= count >= 2;
        }
        assertTrue(twoRealActors, "one organisation is hit by two real actors");

        ActorTruth copycat = truth.actor("copycat-1").orElseThrow();
        ActorTruth copied = truth.actor("espionage-1").orElseThrow();
        assertEquals(copied.webshell(), copycat.webshell());
        assertFalse(copycat.userAgent().equals(copied.userAgent()));
        for (String address : copycat.sourceIps()) {
            assertFalse(copied.sourceIps().contains(address), address);
        }
    }

    @Test
    void testScannersAreSeenAndOneFindsAPlantedShell()
    {
        GroundTruth truth = demo.truth();
        Set<String> scanners = new TreeSet<>(truth.actor("internet-scanners").orElseThrow().sourceIps());
        Set<String> probes = new TreeSet<>(truth.actor("research-probes").orElseThrow().sourceIps());
        int seen = 0;
        boolean foundShell = false;
        for (OrganisationTruth organisation : truth.organisations()) {
            for (W3cLogFile.Line line : contents.lines(organisation.name())) {
                String client = line.client();
                if (!scanners.contains(client)) {
                    continue;
                }
                seen++;
                assertTrue(probes.contains(client) || !WorldContents.isExploitRequest(line), line.toString());
                foundShell |= line.get("cs(User-Agent)").contains("ToolShellCheck") && WorldContents.isWebshellServed(line);
            }
        }
        assertTrue(seen > 0, "no scanner request in the logs");
        // A webshell check answered 200 carries a scanner's address next to a real intrusion: a campaign must not take it in.
        assertTrue(foundShell, "no webshell check found a planted shell");
    }

    @Test
    void testCopycatReusesThePublicDropperOnlyAfterItWentPublic()
    {
        GroundTruth truth = demo.truth();
        Map<String, Long> copycatScripts = new TreeMap<>();
        Map<String, Long> espionageScripts = new TreeMap<>();
        for (OrganisationTruth organisation : truth.organisations()) {
            List<String> actors = organisation.actors();
            Map<String, Long> into;
            if (actors.equals(List.of("copycat-1"))) {
                into = copycatScripts;
            }
            else if (actors.equals(List.of("espionage-1"))) {
                into = espionageScripts;
            }
            else {
                continue;
            }
            for (WorldContents.HostEvent event : contents.events(organisation.name())) {
                String parent = (event.data("ParentImage") + event.data("ParentProcessName")).toLowerCase(Locale.ROOT);
                String command = event.data("CommandLine");
                String prefix = "cmd.exe /c powershell.exe -EncodedCommand ";
                if (parent.endsWith("\\w3wp.exe") && command.startsWith(prefix)) {
                    String script = new String(Base64.getDecoder().decode(command.substring(prefix.length())), StandardCharsets.UTF_16LE);
                    // The copycat's earliest drop and espionage-1's latest are the ones that matter.
                    into.merge(script, event.time(), into == copycatScripts ? Math::min : Math::max);
                }
            }
        }
        assertFalse(copycatScripts.isEmpty(), "the copycat dropped nothing");
        assertTrue(espionageScripts.keySet().containsAll(copycatScripts.keySet()), "the copycat's dropper is not espionage-1's");
        Instant named = truth.publicSince(ObservableType.WEBSHELL_NAME, "spinstall0.aspx").orElseThrow();
        for (Map.Entry<String, Long> entry : copycatScripts.entrySet()) {
            Instant published = truth.publicSince(ObservableType.COMMAND_FINGERPRINT, CommandFingerprint.of(entry.getKey()))
                    .orElseThrow(() -> new AssertionError("the copycat's dropper is not a public artefact"));
            assertEquals(Instant.parse("2025-07-21T00:00:00Z"), published);
            assertTrue(entry.getValue() >= published.toEpochMilli(), "the copycat dropped before the dropper was public");
            assertTrue(espionageScripts.get(entry.getKey()) < named.toEpochMilli(), "espionage-1 dropped after the name was public");
        }
        ActorTruth copycat = truth.actor("copycat-1").orElseThrow();
        for (OrganisationTruth organisation : truth.organisations()) {
            for (W3cLogFile.Line line : contents.lines(organisation.name())) {
                if (copycat.sourceIps().contains(line.client())) {
                    assertTrue(line.time() >= Instant.parse("2025-07-21T00:00:00Z").toEpochMilli(), line.toString());
                    assertFalse(line.get("cs(User-Agent)").contains("Firefox"), line.toString());
                }
            }
        }
    }

    @Test
    void testPublicArtefactsOfAShiftedWorldKeepTheStoryInOrder() throws IOException
    {
        WorldSpec spec = new WorldSpec(4, 20, LocalDate.of(2024, 3, 1), 10, 20);
        GroundTruth truth = new WorldGenerator(spec).write(directory.resolve("shifted")).truth();
        ActorTruth copycat = truth.actor("copycat-1").orElseThrow();
        ActorTruth copied = truth.actor("espionage-1").orElseThrow();
        Instant named = truth.publicSince(ObservableType.WEBSHELL_NAME, "spinstall0.aspx").orElseThrow();
        assertTrue(copied.firstSeen().isBefore(named) && !copycat.firstSeen().isBefore(named), "seed " + spec.seed() + ": " + named);
        int droppers = 0;
        for (PublicArtefact artefact : truth.publicArtefacts()) {
            if (artefact.type() == ObservableType.COMMAND_FINGERPRINT) {
                droppers++;
                assertTrue(!copycat.firstSeen().isBefore(artefact.publicSince()), artefact.toString());
                assertTrue(artefact.publicSince().isAfter(named), artefact.toString());
            }
        }
        assertTrue(droppers >= 1, "no public dropper in the shifted world");
        List<PublicArtefact> sorted = new ArrayList<>(truth.publicArtefacts());
        sorted.sort((left, right) -> left.publicSince().compareTo(right.publicSince()));
        assertEquals(sorted, truth.publicArtefacts());
    }

    @Test
    void testExposureMix()
    {
        int fixed = 0;
        int endOfLife = 0;
        int vulnerableClean = 0;
        for (OrganisationTruth organisation : demo.truth().organisations()) {
            if (!organisation.vulnerable()) {
                fixed++;
            }
            if (organisation.build().startsWith("15.")) {
                endOfLife++;
            }
            if (organisation.vulnerable() && organisation.status() == OrganisationStatus.CLEAN) {
                vulnerableClean++;
            }
            if (organisation.status() == OrganisationStatus.COMPROMISED) {
                assertTrue(organisation.vulnerable(), organisation.name());
            }
        }
        assertTrue(fixed >= 5, "fixed builds: " + fixed);
        assertTrue(endOfLife >= 2 && endOfLife <= 4, "2013 farms: " + endOfLife);
        assertTrue(vulnerableClean >= 2, "vulnerable but never attacked: " + vulnerableClean);
    }

    @Test
    void testCompromisedOrganisationsShowSuccessThenFollowUp()
    {
        for (OrganisationTruth organisation : demo.truth().organisations()) {
            if (organisation.status() != OrganisationStatus.COMPROMISED) {
                continue;
            }
            List<W3cLogFile.Line> lines = contents.lines(organisation.name());
            long success = Long.MAX_VALUE;
            for (W3cLogFile.Line line : lines) {
                if (WorldContents.isExploitRequest(line) && line.get("sc-status").equals("200")) {
                    success = Math.min(success, line.time());
                }
            }
            assertTrue(success != Long.MAX_VALUE, organisation.name() + " has no successful exploit request");
            boolean followed = false;
            Set<String> served = new TreeSet<>();
            for (W3cLogFile.Line line : lines) {
                if (line.time() >= success && (WorldContents.isWebshellServed(line) || WorldContents.isKeyUse(line))) {
                    followed = true;
                }
                if (WorldContents.isWebshellServed(line)) {
                    served.add(line.get("cs-uri-stem"));
                }
            }
            for (WorldContents.HostEvent event : contents.events(organisation.name())) {
                if (event.time() >= success && WorldContents.isPostExploitation(event)) {
                    followed = true;
                }
            }
            assertTrue(followed, organisation.name() + " has nothing after its exploit");
            assertEquals(new TreeSet<>(organisation.webshellPaths()), served, organisation.name());
            assertTrue(organisation.firstExploit().orElseThrow().toEpochMilli() <= success, organisation.name());
        }
    }

    @Test
    void testAttemptedOrganisationsShowExploitRequestsAndNothingAfter()
    {
        for (OrganisationTruth organisation : demo.truth().organisations()) {
            if (organisation.status() != OrganisationStatus.ATTEMPTED) {
                continue;
            }
            long first = Long.MAX_VALUE;
            for (W3cLogFile.Line line : contents.lines(organisation.name())) {
                if (WorldContents.isExploitRequest(line)) {
                    first = Math.min(first, line.time());
                }
                assertFalse(WorldContents.isWebshellServed(line), organisation.name() + ": " + line);
                assertFalse(WorldContents.isKeyUse(line), organisation.name() + ": " + line);
            }
            assertEquals(organisation.firstExploit().orElseThrow().toEpochMilli() / 1000, first / 1000, organisation.name());
            for (WorldContents.HostEvent event : contents.events(organisation.name())) {
                assertFalse(WorldContents.isPostExploitation(event), organisation.name() + ": " + event.document());
            }
            assertFalse(organisation.actors().isEmpty(), organisation.name());
        }
    }

    @Test
    void testCleanOrganisationsHaveNoExploitRequest()
    {
        for (OrganisationTruth organisation : demo.truth().organisations()) {
            if (organisation.status() != OrganisationStatus.CLEAN) {
                continue;
            }
            for (W3cLogFile.Line line : contents.lines(organisation.name())) {
                assertFalse(WorldContents.isExploitRequest(line), organisation.name() + ": " + line);
                assertFalse(WorldContents.isWebshellServed(line), organisation.name() + ": " + line);
            }
            for (WorldContents.HostEvent event : contents.events(organisation.name())) {
                assertFalse(WorldContents.isPostExploitation(event), organisation.name() + ": " + event.document());
            }
            assertTrue(organisation.actors().isEmpty());
        }
    }

    @Test
    void testCleanOrganisationsCarryHardNegatives()
    {
        Set<String> seen = new TreeSet<>();
        for (OrganisationTruth organisation : demo.truth().organisations()) {
            if (organisation.status() != OrganisationStatus.CLEAN) {
                continue;
            }
            for (W3cLogFile.Line line : contents.lines(organisation.name())) {
                String stem = line.get("cs-uri-stem").toLowerCase(Locale.ROOT);
                if (stem.endsWith("/toolpane.aspx") && !line.get("cs-username").equals("-") && line.get("cs-method").equals("POST")) {
                    seen.add("editor POST to ToolPane.aspx");
                }
                if (stem.endsWith("/toolpane.aspx") && line.get("cs-username").equals("-") && !line.get("cs(Referer)").contains("SignOut")
                        && line.get("cs-uri-query").contains("a=/ToolPane.aspx")) {
                    seen.add("scanner GET of ToolPane.aspx with the exploit query");
                }
                if (stem.endsWith("/spinstall0.aspx") && line.get("sc-status").equals("404")) {
                    seen.add("webshell check 404");
                }
                if (line.get("cs(User-Agent)").contains("Firefox/120.0") && !line.get("cs-username").equals("-")) {
                    seen.add("staff on Firefox 120");
                }
                if (stem.equals("/_layouts/15/start.aspx") && line.get("cs(User-Agent)").contains("WindowsPowerShell")) {
                    seen.add("PowerShell warm-up of start.aspx");
                }
                if (line.get("cs(Referer)").contains("SignOut.aspx")) {
                    seen.add("SignOut.aspx referer");
                }
            }
            for (WorldContents.HostEvent event : contents.events(organisation.name())) {
                String parent = (event.data("ParentImage") + event.data("ParentProcessName")).toLowerCase(Locale.ROOT);
                String image = (event.data("Image") + event.data("NewProcessName")).toLowerCase(Locale.ROOT);
                if (event.data("CommandLine").contains("-EncodedCommand") && !parent.endsWith("w3wp.exe")) {
                    seen.add("encoded PowerShell outside w3wp");
                }
                if (parent.endsWith("w3wp.exe") && image.endsWith("csc.exe")) {
                    seen.add("w3wp compiling with csc");
                }
                if (event.eventId() == 11 && image.endsWith("msiexec.exe")
                        && event.data("TargetFilename").contains("\\TEMPLATE\\LAYOUTS\\")) {
                    seen.add("msiexec writing LAYOUTS");
                }
            }
        }
        assertEquals(Set.of("editor POST to ToolPane.aspx", "scanner GET of ToolPane.aspx with the exploit query", "webshell check 404",
                "staff on Firefox 120", "PowerShell warm-up of start.aspx", "SignOut.aspx referer", "encoded PowerShell outside w3wp",
                "w3wp compiling with csc", "msiexec writing LAYOUTS"), seen);
    }

    @Test
    void testEveryLogLineMatchesItsFieldsAndDay()
    {
        Set<String> layouts = new TreeSet<>();
        boolean crlf = false;
        boolean lf = false;
        boolean gzip = false;
        boolean restarted = false;
        boolean forwarded = false;
        for (List<W3cLogFile> logs : contents.logs.values()) {
            for (W3cLogFile log : logs) {
                String name = log.file.getFileName().toString();
                assertTrue(name.matches("u_ex\\d{6}\\.log(\\.gz)?"), name);
                String day = "20" + name.substring(4, 6) + "-" + name.substring(6, 8) + "-" + name.substring(8, 10);
                assertFalse(log.lines.isEmpty(), log.file.toString());
                long previous = Long.MIN_VALUE;
                for (W3cLogFile.Line line : log.lines) {
                    assertEquals(day, line.get("date"), line.file() + ":" + line.number());
                    assertTrue(line.time() >= previous, line.file() + ":" + line.number() + " goes back in time");
                    previous = line.time();
                }
                assertFalse(log.crlf && log.lf, log.file + " mixes line ends");
                crlf |= log.crlf;
                lf |= log.lf;
                gzip |= name.endsWith(".gz");
                restarted |= log.blocks > 1;
                forwarded |= log.fieldDirectives.get(0).endsWith(" X-Forwarded-For");
                layouts.addAll(log.fieldDirectives);
            }
        }
        assertTrue(crlf && lf && gzip && restarted && forwarded,
                "crlf " + crlf + ", lf " + lf + ", gzip " + gzip + ", restarts " + restarted
                + ", forwarded " + forwarded);
        assertTrue(layouts.size() >= 6, "field layouts: " + layouts);
    }

    @Test
    void testEventsAreEvtxDumpJson() throws IOException
    {
        boolean pretty = false;
        boolean compact = false;
        Set<Long> ids = new TreeSet<>();
        for (Path file : contents.eventFiles) {
            String text = Files.readString(file);
            pretty |= text.startsWith("{\n  \"Event\": {");
            compact |= text.startsWith("{\"Event\":{");
            assertTrue(file.getFileName().toString().matches("(sysmon|security)-\\d{8}\\.json"), file.toString());
        }
        for (List<WorldContents.HostEvent> list : contents.events.values()) {
            for (WorldContents.HostEvent event : list) {
                Object document = event.document();
                long id = event.eventId();
                ids.add(id);
                String channel = JsonDocuments.text(document, "Event", "System", "Channel");
                String provider = JsonDocuments.text(document, "Event", "System", "Provider", "#attributes", "Name");
                assertTrue(JsonDocuments.at(document, "Event", "System", "EventRecordID") instanceof Long);
                assertFalse(JsonDocuments.text(document, "Event", "System", "Computer").isEmpty());
                if (id == 4688) {
                    assertEquals("Security", channel);
                    assertEquals("Microsoft-Windows-Security-Auditing", provider);
                    assertFalse(event.data("NewProcessName").isEmpty());
                    assertFalse(event.data("ParentProcessName").isEmpty());
                    assertFalse(event.data("CommandLine").isEmpty());
                }
                else {
                    assertEquals("Microsoft-Windows-Sysmon/Operational", channel);
                    assertEquals("Microsoft-Windows-Sysmon", provider);
                    assertTrue(event.data("UtcTime").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}"), event.data("UtcTime"));
                    assertTrue(event.data("ProcessGuid").matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"));
                }
                if (id == 1) {
                    assertTrue(event.data("Hashes").startsWith("SHA256=") || event.data("Hashes").startsWith("MD5="), event.data("Hashes"));
                    assertFalse(event.data("ParentImage").isEmpty());
                }
                if (id == 11) {
                    assertFalse(event.data("TargetFilename").isEmpty());
                }
            }
        }
        assertTrue(pretty && compact, "pretty " + pretty + ", one per line " + compact);
        assertEquals(Set.of(1L, 3L, 7L, 11L, 13L, 4688L), ids);
    }

    @Test
    void testSysmonShapeMatchesRegressionData() throws IOException
    {
        assumeTrue(Files.isDirectory(CORPUS), "SigmaHQ regression data not found at " + CORPUS.toAbsolutePath() + "; skipping");
        Set<String> referenceSystem = null;
        Set<String> referenceProcess = null;
        for (Path file : WorldContents.files(CORPUS)) {
            if (!file.toString().endsWith(".json") || referenceProcess != null) {
                continue;
            }
            for (Object document : JsonDocuments.read(file)) {
                if (Long.valueOf(1).equals(JsonDocuments.at(document, "Event", "System", "EventID"))
                        && "Microsoft-Windows-Sysmon".equals(JsonDocuments.text(document, "Event", "System", "Provider", "#attributes",
                                "Name"))
                        && JsonDocuments.at(document, "Event", "EventData", "ParentUser") != null) {
                    referenceSystem = keys(JsonDocuments.at(document, "Event", "System"));
                    referenceProcess = keys(JsonDocuments.at(document, "Event", "EventData"));
                    break;
                }
            }
        }
        assumeTrue(referenceProcess != null, "no Sysmon 1 event in the regression data; skipping");
        for (List<WorldContents.HostEvent> list : contents.events.values()) {
            for (WorldContents.HostEvent event : list) {
                if (event.eventId() == 1) {
                    assertEquals(referenceSystem, keys(JsonDocuments.at(event.document(), "Event", "System")));
                    assertEquals(referenceProcess, keys(JsonDocuments.at(event.document(), "Event", "EventData")));
                    return;
                }
            }
        }
        throw new AssertionError("no Sysmon 1 event in the demo world");
    }

    @Test
    void testShodanExportCoversEveryFarm() throws IOException
    {
        List<Object> banners = JsonDocuments.read(demo.shodanBanners());
        Set<String> hosts = new TreeSet<>();
        int online = 0;
        int unrelated = 0;
        for (Object banner : banners) {
            String data = JsonDocuments.text(banner, "data");
            assertTrue(data.startsWith("HTTP/1.1 ") && data.endsWith("\r\n\r\n"), data);
            hosts.add(JsonDocuments.text(banner, "ip_str"));
            if (JsonDocuments.text(banner, "domains").contains("sharepoint.com")) {
                online++;
                assertTrue(data.contains("MicrosoftSharePointTeamServices: 16.0.0."));
            }
            else if (!data.contains("SPRequestGuid") && !data.contains("Location: https://")) {
                unrelated++;
            }
            if (data.contains("MicrosoftSharePointTeamServices:")) {
                assertTrue(data.matches("(?s).*MicrosoftSharePointTeamServices: 1[56]\\.0\\.0\\.\\d{4,5}\r\n.*"), data);
            }
        }
        assertTrue(online >= 2, "SharePoint Online banners: " + online);
        assertTrue(unrelated >= 8, "unrelated banners: " + unrelated);
        Set<String> farms = new TreeSet<>();
        for (OrganisationTruth organisation : demo.truth().organisations()) {
            String note = organisation.note();
            int start = note.indexOf("; public ");
            String address = note.substring(start).split(" ")[3];
            farms.add(address.endsWith(".") || address.endsWith(";") ? address.substring(0, address.length() - 1) : address);
        }
        assertTrue(hosts.containsAll(farms), "missing farms: " + farms);
    }

    @Test
    void testSmallAndShiftedWorlds() throws IOException
    {
        List<WorldSpec> specs = new ArrayList<>();
        specs.add(new WorldSpec(1, 1, LocalDate.of(2025, 7, 17), 1, 20));
        specs.add(new WorldSpec(2, 3, LocalDate.of(2024, 1, 1), 2, 30));
        specs.add(new WorldSpec(3, 9, LocalDate.of(2025, 7, 10), 14, 25));
        for (WorldSpec spec : specs) {
            World world = new WorldGenerator(spec).write(directory.resolve("small-" + spec.seed()));
            GroundTruth truth = world.truth();
            assertEquals(spec.organisations(), truth.organisations().size());
            assertEquals(truth, GroundTruth.read(world.truthFile()));
            WorldContents small = WorldContents.read(world);
            for (OrganisationTruth organisation : truth.organisations()) {
                boolean exploited = false;
                for (W3cLogFile.Line line : small.lines(organisation.name())) {
                    exploited |= WorldContents.isExploitRequest(line);
                }
                assertEquals(organisation.status() != OrganisationStatus.CLEAN, exploited,
                        "seed " + spec.seed() + ": " + organisation.name());
            }
            assertEquals(spec.days() * countHosts(truth), small.logs.values().stream().mapToInt(List::size).sum());
        }
    }

    @Test
    void testRefusesDirectoryWithOtherContent() throws IOException
    {
        Path occupied = Files.createDirectories(directory.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "mine");
        IOException refused = assertThrows(IOException.class,
                () -> new WorldGenerator(new WorldSpec(5, 1, LocalDate.of(2025, 7, 17), 1, 20)).write(occupied));
        assertTrue(refused.getMessage().contains("holds no generated world"), refused.getMessage());
        assertEquals("mine", Files.readString(occupied.resolve("notes.txt")));
    }

    @Test
    void testReplacesEarlierWorld() throws IOException
    {
        Path target = directory.resolve("replaced");
        new WorldGenerator(new WorldSpec(6, 4, LocalDate.of(2025, 7, 17), 2, 20)).write(target);
        World second = new WorldGenerator(new WorldSpec(7, 2, LocalDate.of(2025, 7, 17), 1, 20)).write(target);
        try (Stream<Path> organisations = Files.list(second.webLogs())) {
            assertEquals(2, organisations.count());
        }
        assertEquals(7, GroundTruth.read(second.truthFile()).seed());
    }

    private static int countHosts(GroundTruth truth)
    {
        int hosts = 0;
        for (OrganisationTruth organisation : truth.organisations()) {
            hosts += organisation.hosts().size();
        }
        return hosts;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> keys(Object object)
    {
        return new TreeSet<>(((Map<String, Object>) object).keySet());
    }
}
