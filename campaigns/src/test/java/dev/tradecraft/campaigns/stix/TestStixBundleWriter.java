package dev.tradecraft.campaigns.stix;

import static dev.tradecraft.campaigns.stix.StixFixtures.CONTOSO;
import static dev.tradecraft.campaigns.stix.StixFixtures.CREATED;
import static dev.tradecraft.campaigns.stix.StixFixtures.FABRIKAM;
import static dev.tradecraft.campaigns.stix.StixFixtures.IPV6;
import static dev.tradecraft.campaigns.stix.StixFixtures.MD5;
import static dev.tradecraft.campaigns.stix.StixFixtures.SHA256;
import static dev.tradecraft.campaigns.stix.StixFixtures.WOODGROVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.CampaignVerdict;

public class TestStixBundleWriter
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]+[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    static JsonNode bundle(List<Campaign> campaigns, Instant created)
    {
        try {
            return MAPPER.readTree(StixBundleWriter.toJson(campaigns, created));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> ofType(JsonNode bundle, String type)
    {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode object : bundle.get("objects")) {
            if (object.get("type").asText().equals(type)) {
                objects.add(object);
            }
        }
        return objects;
    }

    private static Map<String, JsonNode> byId(JsonNode bundle)
    {
        Map<String, JsonNode> objects = new HashMap<>();
        for (JsonNode object : bundle.get("objects")) {
            assertEquals(null, objects.put(object.get("id").asText(), object), "duplicate id " + object.get("id"));
        }
        return objects;
    }

    /** Relationships of one type as "source name -> target name", names of SDOs, patterns of indicators. */
    private static Set<String> relationships(JsonNode bundle, String type)
    {
        Map<String, JsonNode> objects = byId(bundle);
        Set<String> edges = new TreeSet<>();
        for (JsonNode relationship : ofType(bundle, "relationship")) {
            if (relationship.get("relationship_type").asText().equals(type)) {
                edges.add(label(objects.get(relationship.get("source_ref").asText())) + " -> " + label(objects.get(relationship.get("target_ref").asText())));
            }
        }
        return edges;
    }

    private static String label(JsonNode object)
    {
        if (object.get("type").asText().equals("indicator")) {
            return object.get("pattern").asText();
        }
        if (object.get("type").asText().equals("campaign")) {
            return object.get("x_tradecraft_campaign_id").asText();
        }
        return object.get("name").asText();
    }

    private static JsonNode campaign(JsonNode bundle, String id)
    {
        for (JsonNode campaign : ofType(bundle, "campaign")) {
            if (campaign.get("x_tradecraft_campaign_id").asText().equals(id)) {
                return campaign;
            }
        }
        throw new AssertionError("no campaign " + id);
    }

    @Test
    public void testBundleShape()
    {
        JsonNode bundle = bundle(StixFixtures.campaigns(), CREATED);
        assertEquals("bundle", bundle.get("type").asText());
        assertTrue(bundle.get("id").asText().startsWith("bundle--"));
        assertFalse(bundle.has("spec_version"));
        assertEquals(Set.of("type", "id", "objects"), fieldNames(bundle));
        for (JsonNode object : bundle.get("objects")) {
            assertEquals("2.1", object.get("spec_version").asText(), object.toString());
            assertEquals("2025-07-25T12:00:00.000Z", object.get("created").asText());
            assertEquals("2025-07-25T12:00:00.000Z", object.get("modified").asText());
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode object : bundle.get("objects")) {
            counts.merge(object.get("type").asText(), 1, Integer::sum);
        }
        // 3 victims, 2 campaigns, 2 actors, 7 indicators; 4 targets + 2 attributed-to + 8 indicates; 4 sightings
        assertEquals(Map.of("identity", 3, "campaign", 2, "intrusion-set", 2, "indicator", 7, "relationship", 14, "sighting", 4), counts);
    }

    @Test
    public void testOneIdentityPerVictimWithTheExactName()
    {
        JsonNode bundle = bundle(StixFixtures.campaigns(), CREATED);
        List<String> names = new ArrayList<>();
        for (JsonNode identity : ofType(bundle, "identity")) {
            names.add(identity.get("name").asText());
            assertEquals("organization", identity.get("identity_class").asText());
        }
        assertEquals(List.of(CONTOSO, FABRIKAM, WOODGROVE), names);
        assertEquals("identity--" + StixIds.uuid5(StixIds.NAMESPACE, "identity|" + CONTOSO), ofType(bundle, "identity").get(0).get("id").asText());
    }

    @Test
    public void testCampaigns()
    {
        JsonNode bundle = bundle(StixFixtures.campaigns(), CREATED);
        JsonNode tc1 = campaign(bundle, "TC-1");
        assertEquals("TC-1 (multiple-actors, 2 organisations)", tc1.get("name").asText());
        assertEquals("2025-07-18T18:06:14.123Z", tc1.get("first_seen").asText());
        assertEquals("2025-07-19T07:45:30.500Z", tc1.get("last_seen").asText());
        assertEquals(70, tc1.get("confidence").asInt());
        assertEquals("multiple-actors", tc1.get("x_tradecraft_verdict").asText());
        assertEquals(2, tc1.get("x_tradecraft_intrusions").asInt());
        assertEquals("Evidence: The same webshell spinstall0.aspx was dropped at 2 organisations.\n"
                + "Evidence: The SHA-256 of the webshell is identical.\n"
                + "Against: The source addresses share no /24 and the waves are 13 hours apart.", tc1.get("description").asText());

        JsonNode tc2 = campaign(bundle, "TC-2");
        assertEquals("TC-2 (undetermined, 2 organisations)", tc2.get("name").asText());
        assertEquals("undetermined", tc2.get("x_tradecraft_verdict").asText());
        assertEquals(30, tc2.get("confidence").asInt());
        // Woodgrove's sightings carry no time: the campaign's span is Contoso's one sighting
        assertEquals("2025-07-21T03:15:00.000Z", tc2.get("first_seen").asText());
        assertEquals("2025-07-21T03:15:00.000Z", tc2.get("last_seen").asText());
        assertEquals("Evidence: Both organisations were probed for ToolPane.aspx.", tc2.get("description").asText());
    }

    @Test
    public void testCampaignWithoutTimesHasNoFirstSeen()
    {
        Campaign untimed = new Campaign("TC-9", CampaignVerdict.UNDETERMINED, 10, List.of(StixFixtures.campaigns().get(1).intrusions().get(1)), List.of(),
                List.of(), List.of());
        JsonNode campaign = campaign(bundle(List.of(untimed), CREATED), "TC-9");
        assertFalse(campaign.has("first_seen"));
        assertFalse(campaign.has("last_seen"));
        assertFalse(campaign.has("description"));
    }

    @Test
    public void testEveryCampaignTargetsEachVictim()
    {
        JsonNode bundle = bundle(StixFixtures.campaigns(), CREATED);
        assertEquals(Set.of("TC-1 -> " + CONTOSO, "TC-1 -> " + FABRIKAM, "TC-2 -> " + CONTOSO, "TC-2 -> " + WOODGROVE), relationships(bundle, "targets"));
    }

    @Test
    public void testIndicatorsHaveTheExactPatternsAndIndicateTheirCampaigns()
    {
        JsonNode bundle = bundle(StixFixtures.campaigns(), CREATED);
        String ipv4 = "[ipv4-addr:value = '107.191.58.76']";
        String ipv6 = "[ipv6-addr:value = '2001:db8::7']";
        String sha256 = "[file:hashes.'SHA-256' = '" + SHA256 + "']";
        String md5 = "[file:hashes.'MD5' = '0123456789abcdef0123456789abcdef']";
        String webPath = "[network-traffic:extensions.'http-request-ext'.request_value = '/_layouts/15/spinstall0.aspx']";
        String oddWebPath = "[network-traffic:extensions.'http-request-ext'.request_value = '/_layouts/15/a]b\\'c.aspx']";
        String windowsPath = "[file:name = 'spinstall0.aspx' AND file:parent_directory_ref.path = "
                + "'C:\\\\Program Files\\\\Common Files\\\\O\\'Brien\\\\16\\\\TEMPLATE\\\\LAYOUTS']";

        Map<String, JsonNode> indicators = new TreeMap<>();
        for (JsonNode indicator : ofType(bundle, "indicator")) {
            assertEquals(null, indicators.put(indicator.get("pattern").asText(), indicator), "one indicator per pattern");
            assertEquals("stix", indicator.get("pattern_type").asText());
            assertEquals("2.1", indicator.get("pattern_version").asText());
            assertEquals("[\"malicious-activity\"]", indicator.get("indicator_types").toString());
            assertFalse(indicator.get("name").asText().isBlank());
        }
        // "unknown", "999.1.1.1" and "abc123" are no address and no hash: no indicator
        assertEquals(new TreeSet<>(List.of(ipv4, ipv6, sha256, md5, webPath, oddWebPath, windowsPath)), indicators.keySet());

        assertEquals(Set.of(ipv4 + " -> TC-1", ipv4 + " -> TC-2", ipv6 + " -> TC-1", sha256 + " -> TC-1", md5 + " -> TC-2", webPath + " -> TC-1",
                oddWebPath + " -> TC-1", windowsPath + " -> TC-1"), relationships(bundle, "indicates"));

        assertEquals("2025-07-18T18:06:14.123Z", indicators.get(ipv4).get("valid_from").asText());
        assertEquals("2025-07-19T07:00:00.000Z", indicators.get(ipv6).get("valid_from").asText());
        assertEquals("2025-07-18T18:10:00.000Z", indicators.get(sha256).get("valid_from").asText());
        // the MD5 was only seen in an untimed sighting: valid from the analysis time
        assertEquals("2025-07-25T12:00:00.000Z", indicators.get(md5).get("valid_from").asText());
        assertEquals("Seen in TC-1, TC-2.", indicators.get(ipv4).get("description").asText());
        assertEquals("Source address " + IPV6, indicators.get(ipv6).get("name").asText());
        assertTrue(MD5.equalsIgnoreCase(indicators.get(md5).get("name").asText().substring("File MD5 ".length())));
    }

    @Test
    public void testAttributedToPerActor()
    {
        JsonNode bundle = bundle(StixFixtures.campaigns(), CREATED);
        assertEquals(Set.of("TC-1 -> TC-ACTOR-1", "TC-1 -> TC-ACTOR-2"), relationships(bundle, "attributed-to"));
        List<JsonNode> sets = ofType(bundle, "intrusion-set");
        assertEquals("TC-ACTOR-1", sets.get(0).get("name").asText());
        assertEquals("2025-07-18T18:06:14.123Z", sets.get(0).get("first_seen").asText());
        assertEquals("2025-07-18T18:10:00.000Z", sets.get(0).get("last_seen").asText());
        assertEquals("TC-ACTOR-2", sets.get(1).get("name").asText());
        assertEquals("2025-07-19T07:00:00.000Z", sets.get(1).get("first_seen").asText());
        for (JsonNode relationship : ofType(bundle, "relationship")) {
            if (relationship.get("relationship_type").asText().equals("attributed-to")) {
                assertEquals(70, relationship.get("confidence").asInt());
            }
        }
    }

    @Test
    public void testOneSightingPerCampaignAndVictim()
    {
        JsonNode bundle = bundle(StixFixtures.campaigns(), CREATED);
        Map<String, JsonNode> objects = byId(bundle);
        Map<String, JsonNode> sightings = new TreeMap<>();
        for (JsonNode sighting : ofType(bundle, "sighting")) {
            JsonNode where = sighting.get("where_sighted_refs");
            assertEquals(1, where.size());
            String key = label(objects.get(sighting.get("sighting_of_ref").asText())) + " at " + label(objects.get(where.get(0).asText()));
            assertEquals(null, sightings.put(key, sighting), key);
        }
        assertEquals(Set.of("TC-1 at " + CONTOSO, "TC-1 at " + FABRIKAM, "TC-2 at " + CONTOSO, "TC-2 at " + WOODGROVE), sightings.keySet());

        JsonNode contoso = sightings.get("TC-1 at " + CONTOSO);
        assertEquals(3, contoso.get("count").asInt());
        assertEquals("2025-07-18T18:06:14.123Z", contoso.get("first_seen").asText());
        assertEquals("2025-07-18T18:10:00.000Z", contoso.get("last_seen").asText());
        assertEquals("3 Tradecraft sightings in intrusion I-1.", contoso.get("description").asText());
        assertEquals(2, sightings.get("TC-1 at " + FABRIKAM).get("count").asInt());
        assertEquals(1, sightings.get("TC-2 at " + CONTOSO).get("count").asInt());
        JsonNode woodgrove = sightings.get("TC-2 at " + WOODGROVE);
        assertEquals(2, woodgrove.get("count").asInt());
        assertFalse(woodgrove.has("first_seen"));
        assertFalse(woodgrove.has("last_seen"));
    }

    @Test
    public void testIdsAreNameBasedUniqueAndResolve()
    {
        JsonNode bundle = bundle(StixFixtures.campaigns(), CREATED);
        Map<String, JsonNode> objects = byId(bundle);
        assertTrue(ID.matcher(bundle.get("id").asText()).matches());
        for (JsonNode object : bundle.get("objects")) {
            String id = object.get("id").asText();
            assertTrue(ID.matcher(id).matches(), id);
            assertTrue(id.startsWith(object.get("type").asText() + "--"), id);
            for (String ref : List.of("source_ref", "target_ref", "sighting_of_ref")) {
                if (object.has(ref)) {
                    assertTrue(objects.containsKey(object.get(ref).asText()), ref + " of " + id + " does not resolve");
                }
            }
            if (object.has("where_sighted_refs")) {
                for (JsonNode ref : object.get("where_sighted_refs")) {
                    assertEquals("identity", objects.get(ref.asText()).get("type").asText());
                }
            }
        }
    }

    @Test
    public void testSameCampaignsGiveTheSameBytes()
    {
        String first = StixBundleWriter.toJson(StixFixtures.campaigns(), CREATED);
        String second = StixBundleWriter.toJson(StixFixtures.campaigns(), CREATED);
        assertEquals(first, second);
        assertTrue(first.endsWith("}\n"));
        assertFalse(first.contains("\r"));
    }

    @Test
    public void testAnotherCreatedTimeChangesOnlyTimestamps()
    {
        Instant later = Instant.parse("2025-08-01T09:30:00.250Z");
        String first = StixBundleWriter.toJson(StixFixtures.campaigns(), CREATED);
        String second = StixBundleWriter.toJson(StixFixtures.campaigns(), later);
        assertNotEquals(first, second);
        assertEquals(second, first.replace("2025-07-25T12:00:00.000Z", "2025-08-01T09:30:00.250Z"));
    }

    @Test
    public void testEveryTimestampIsUtcWithMilliseconds()
    {
        JsonNode bundle = bundle(StixFixtures.campaigns(), CREATED);
        int checked = 0;
        for (JsonNode object : bundle.get("objects")) {
            for (String field : List.of("created", "modified", "first_seen", "last_seen", "valid_from")) {
                if (object.has(field)) {
                    assertTrue(MILLIS.matcher(object.get(field).asText()).matches(), field + " of " + object.get("id"));
                    checked++;
                }
            }
        }
        assertTrue(checked > 60, "timestamps checked: " + checked);
    }

    @Test
    public void testMatchesTheGoldenFile()
            throws IOException
    {
        // pins ids, property order and layout: a change here changes what consumers already hold
        String expected;
        try (InputStream in = TestStixBundleWriter.class.getResourceAsStream("/stix/two-campaigns.json")) {
            assertTrue(in != null, "test resource stix/two-campaigns.json is missing");
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, StixBundleWriter.toJson(StixFixtures.campaigns(), CREATED));
    }

    @Test
    public void testSameActorNameInTwoCampaignsIsOneIntrusionSet()
    {
        Campaign first = StixFixtures.campaignWithPaths("TC-5", List.of("/a.aspx"));
        Campaign second = StixFixtures.campaignWithPaths("TC-6", List.of("/a.aspx"));
        Campaign renamed = new Campaign(second.id(), second.verdict(), second.confidence(), second.intrusions(), first.actors(), second.evidence(),
                second.against());
        JsonNode bundle = bundle(List.of(first, renamed), CREATED);
        assertEquals(1, ofType(bundle, "intrusion-set").size());
        assertEquals(Set.of("TC-5 -> TC-ACTOR-TC-5", "TC-6 -> TC-ACTOR-TC-5"), relationships(bundle, "attributed-to"));
        assertEquals(1, ofType(bundle, "indicator").size());
        assertEquals(2, relationships(bundle, "indicates").size());
        // both campaigns hit the same victim: one identity
        assertEquals(1, ofType(bundle, "identity").size());
    }

    @Test
    public void testNoCampaignsGiveABundleWithoutObjects()
    {
        JsonNode bundle = bundle(List.of(), CREATED);
        assertEquals(Set.of("type", "id"), fieldNames(bundle));
    }

    @Test
    public void testRejectsWhatCannotBeWritten()
    {
        List<Campaign> campaigns = StixFixtures.campaigns();
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> StixBundleWriter.toJson(List.of(campaigns.get(0), campaigns.get(0)), CREATED));
        assertEquals("campaign id TC-1 appears twice", twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StixBundleWriter.toJson(campaigns, Instant.parse("+10000-01-01T00:00:00Z")));
        assertThrows(NullPointerException.class, () -> StixBundleWriter.toJson(campaigns, null));
        assertThrows(NullPointerException.class, () -> StixBundleWriter.write(campaigns, CREATED, null));
    }

    @Test
    public void testWriteLeavesTheWriterOpen()
            throws IOException
    {
        StringWriter out = new StringWriter()
        {
            private boolean closed;

            @Override
            public void write(String text, int offset, int length)
            {
                if (closed) {
                    throw new IllegalStateException("closed");
                }
                super.write(text, offset, length);
            }

            @Override
            public void close()
            {
                closed = true;
            }
        };
        StixBundleWriter.write(StixFixtures.campaigns(), CREATED, out);
        out.write("after");
        assertTrue(out.toString().endsWith("}\nafter"));
    }

    @Test
    public void testUuid5MatchesRfc4122()
    {
        // the RFC 4122 DNS namespace and the value Python's uuid.uuid5 gives for "python.org"
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertEquals(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"), StixIds.uuid5(dns, "python.org"));
        UUID id = StixIds.uuid5(StixIds.NAMESPACE, "identity|" + CONTOSO);
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
        Set<UUID> distinct = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(distinct.add(StixIds.uuid5(StixIds.NAMESPACE, "key|" + i)));
        }
    }

    private static Set<String> fieldNames(JsonNode node)
    {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
