package dev.tradecraft.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.ObservableType;

class TestGroundTruth
{
    @TempDir
    Path directory;

    private static GroundTruth sample()
    {
        ActorTruth actor = new ActorTruth("espionage-1", "espionage", "", List.of("107.191.58.76"), "Mozilla/5.0 (Windows NT 10.0; rv:120.0)",
                "POST /_layouts/15/ToolPane.aspx", "spinstall0.aspx", Instant.parse("2025-07-18T18:06:14Z"), "note with \"quotes\" and ü");
        ActorTruth copycat = new ActorTruth("copycat-1", "copycat", "espionage-1", List.of("20.81.4.5"), "python-requests/2.32.3",
                "POST /_layouts/15/ToolPane.aspx", "spinstall0.aspx", Instant.parse("2025-07-21T09:10:31Z"), "");
        OrganisationTruth compromised = new OrganisationTruth("lakeside-county-gov", OrganisationStatus.COMPROMISED, List.of("espionage-1"),
                "SharePoint Server 2019", "16.0.10417.20027", true, List.of("sp-wfe01", "sp-wfe02"),
                Optional.of(Instant.parse("2025-07-18T18:06:14.250Z")), List.of("/_layouts/15/spinstall0.aspx"), "compromised");
        OrganisationTruth clean = new OrganisationTruth("nordwind-energie", OrganisationStatus.CLEAN, List.of(), "SharePoint Server 2019",
                "16.0.10417.20037", false, List.of("sp-wfe01"), Optional.empty(), List.of(), "");
        PublicArtefact named = new PublicArtefact(ObservableType.WEBSHELL_NAME, "spinstall0.aspx", Instant.parse("2025-07-20T00:00:00Z"),
                "guidance");
        return new GroundTruth(20250718L, List.of(copycat, actor), List.of(compromised, clean), List.of(named));
    }

    @Test
    void testWriteReadRoundTrip() throws IOException
    {
        GroundTruth truth = sample();
        Path file = directory.resolve("truth.json");
        truth.write(file);
        GroundTruth read = GroundTruth.read(file);
        assertEquals(truth, read);
        Path again = directory.resolve("again.json");
        read.write(again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    @Test
    void testGeneratedTruthRoundTrips() throws IOException
    {
        World world = new WorldGenerator(new WorldSpec(99, 8, LocalDate.of(2025, 7, 17), 5, 20)).write(directory.resolve("world"));
        assertEquals(world.truth(), GroundTruth.read(world.truthFile()));
    }

    @Test
    void testKeysAreSnakeCase() throws IOException
    {
        Path file = directory.resolve("truth.json");
        sample().write(file);
        String text = Files.readString(file);
        for (String key : List.of("\"source_ips\"", "\"user_agent\"", "\"first_seen\"", "\"first_exploit\"", "\"webshell_paths\"",
                "\"public_artefacts\"", "\"public_since\"")) {
            assertTrue(text.contains(key), key);
        }
        assertTrue(text.contains("\"status\": \"compromised\""));
        assertTrue(text.contains("\"first_exploit\": null"));
        assertTrue(text.contains("\"copies\": \"espionage-1\""), text);
        assertTrue(text.contains("\"copies\": null"), text);
        assertTrue(text.contains("\"type\": \"webshell-name\""), text);
    }

    @Test
    void testFileWrittenBeforeCopiesAndPublicArtefactsIsRead() throws IOException
    {
        Path file = directory.resolve("old.json");
        Files.writeString(file, """
                {
                  "seed": 7,
                  "actors": [{"id": "research-probes", "kind": "research", "source_ips": ["167.94.138.9"], "user_agent": "agent",
                              "variant": "POST", "webshell": "", "first_seen": "2025-07-21T07:46:00Z", "note": ""}],
                  "organisations": [{"name": "a", "status": "attempted", "actors": ["research-probes"], "product": "SharePoint Server 2019",
                                     "build": "16.0.10417.20037", "vulnerable": false, "hosts": ["h"],
                                     "first_exploit": "2025-07-21T07:46:00Z", "webshell_paths": [], "note": ""}]
                }
                """);
        GroundTruth truth = GroundTruth.read(file);
        ActorTruth probes = truth.actor("research-probes").orElseThrow();
        assertEquals("", probes.copies());
        assertTrue(probes.reconnaissance());
        assertEquals(List.of(), truth.publicArtefacts());
    }

    @Test
    void testPublicArtefactLookupAndBadType() throws IOException
    {
        GroundTruth truth = sample();
        assertEquals(Optional.of(Instant.parse("2025-07-20T00:00:00Z")), truth.publicSince(ObservableType.WEBSHELL_NAME, "spinstall0.aspx"));
        assertEquals(Optional.empty(), truth.publicSince(ObservableType.WEBSHELL_NAME, "spinstall1.aspx"));
        assertEquals(Optional.empty(), truth.publicSince(ObservableType.FILE_HASH, "spinstall0.aspx"));

        Path file = directory.resolve("truth.json");
        truth.write(file);
        Files.writeString(file, Files.readString(file).replace("\"type\": \"webshell-name\"", "\"type\": \"shell\""));
        ScenarioException problem = assertThrows(ScenarioException.class, () -> GroundTruth.read(file));
        assertTrue(problem.getMessage().contains("unknown observable type 'shell'"), problem.getMessage());
        assertTrue(problem.getMessage().startsWith(file.toString() + ":"), problem.getMessage());
    }

    @Test
    void testUnknownKeysAreSkipped() throws IOException
    {
        Path file = directory.resolve("truth.json");
        sample().write(file);
        String text = Files.readString(file).replaceFirst("\\{", "{\"generator\": {\"version\": [1, 2]},");
        Files.writeString(file, text);
        assertEquals(sample(), GroundTruth.read(file));
    }

    @Test
    void testBadValueIsReportedWithPosition() throws IOException
    {
        Path file = directory.resolve("truth.json");
        sample().write(file);
        Files.writeString(file, Files.readString(file).replace("\"status\": \"compromised\"", "\"status\": \"owned\""));
        ScenarioException problem = assertThrows(ScenarioException.class, () -> GroundTruth.read(file));
        assertTrue(problem.getMessage().contains("unknown organisation status 'owned'"), problem.getMessage());
        assertTrue(problem.position().index() > 1, problem.position().toString());
        assertTrue(problem.getMessage().startsWith(file.toString() + ":"), problem.getMessage());
    }

    @Test
    void testMissingKeyAndBrokenJsonAreReported() throws IOException
    {
        Path missing = directory.resolve("missing.json");
        Files.writeString(missing, "{\"seed\": 1, \"actors\": []}");
        ScenarioException noOrganisations = assertThrows(ScenarioException.class, () -> GroundTruth.read(missing));
        assertTrue(noOrganisations.getMessage().contains("missing organisations"), noOrganisations.getMessage());

        Path broken = directory.resolve("broken.json");
        Files.writeString(broken, "{\"seed\": 1,\n \"actors\": [\n");
        ScenarioException truncated = assertThrows(ScenarioException.class, () -> GroundTruth.read(broken));
        assertTrue(truncated.getMessage().contains("not valid JSON"), truncated.getMessage());

        Path wrongType = directory.resolve("wrong.json");
        Files.writeString(wrongType, "{\"seed\": \"twelve\", \"actors\": [], \"organisations\": []}");
        ScenarioException seed = assertThrows(ScenarioException.class, () -> GroundTruth.read(wrongType));
        assertTrue(seed.getMessage().contains("seed must be an integer, found a string"), seed.getMessage());
    }

    @Test
    void testTruthRecordsRejectInconsistentFacts()
    {
        assertThrows(IllegalArgumentException.class,
                () -> new OrganisationTruth("x", OrganisationStatus.COMPROMISED, List.of(), "p", "16.0.1.1",
                false, List.of("h"), Optional.of(Instant.EPOCH), List.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationTruth("x", OrganisationStatus.CLEAN, List.of(), "p", "16.0.1.1",
                true, List.of("h"), Optional.of(Instant.EPOCH), List.of(), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new OrganisationTruth("x", OrganisationStatus.ATTEMPTED, List.of(), "p", "16.0.1.1",
                true, List.of("h"), Optional.empty(), List.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationTruth("x", OrganisationStatus.CLEAN, List.of(), "p", "16.0.1.1",
                true, List.of(), Optional.empty(), List.of(), ""));
        GroundTruth truth = sample();
        assertThrows(IllegalArgumentException.class, () -> new GroundTruth(1, truth.actors(),
                List.of(truth.organisations().get(0), truth.organisations().get(0)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GroundTruth(1, List.of(), truth.organisations(), List.of()));
        IllegalArgumentException unknownCopied = assertThrows(IllegalArgumentException.class,
                () -> new GroundTruth(1, List.of(truth.actors().get(0)), List.of(), List.of()));
        assertTrue(unknownCopied.getMessage().contains("copycat-1 copies unknown actor espionage-1"), unknownCopied.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GroundTruth(1, truth.actors(), truth.organisations(),
                List.of(truth.publicArtefacts().get(0), truth.publicArtefacts().get(0))));
        assertThrows(IllegalArgumentException.class, () -> new ActorTruth("copycat-1", "copycat", "copycat-1", List.of(), "a", "v", "",
                Instant.EPOCH, ""));
    }

    @Test
    void testSpecValidation()
    {
        LocalDate day = LocalDate.of(2025, 7, 17);
        assertThrows(IllegalArgumentException.class, () -> new WorldSpec(1, 0, day, 5, 100));
        assertThrows(IllegalArgumentException.class, () -> new WorldSpec(1, 10, day, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> new WorldSpec(1, 10, day, 5, 5));
        assertThrows(NullPointerException.class, () -> new WorldSpec(1, 10, null, 5, 100));
        WorldSpec demo = WorldSpec.demo();
        assertEquals(20250718L, demo.seed());
        assertEquals(40, demo.organisations());
        assertEquals(LocalDate.of(2025, 7, 21), demo.lastDay());
    }

    @Test
    void testStatusNames()
    {
        assertEquals(OrganisationStatus.ATTEMPTED, OrganisationStatus.parse(" Attempted "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> OrganisationStatus.parse("pwned"));
        assertTrue(unknown.getMessage().contains("compromised, attempted, clean"));
    }
}
