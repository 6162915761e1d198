package dev.tradecraft.campaigns.stix;

import static dev.tradecraft.campaigns.stix.StixFixtures.CREATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import dev.tradecraft.campaigns.stix.StixPatternRecogniser.Comparison;
import dev.tradecraft.core.Campaign;

/**
 * Validates what the writer produces against the OASIS STIX 2.1 JSON schemas in
 * {@code ../shared/corpus/stix2-schemas} (draft 2020-12), read from disk: their {@code $id}s under
 * raw.githubusercontent.com are mapped to the local folder and any other remote load is refused.
 */
public class TestStixSchemaValidation
{
    private static final String PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final Path SCHEMAS = Paths.get("../shared/corpus/stix2-schemas/schemas");
    private static final Map<String, String> SCHEMA_BY_TYPE = Map.of(
            "identity", "sdos/identity.json",
            "campaign", "sdos/campaign.json",
            "intrusion-set", "sdos/intrusion-set.json",
            "indicator", "sdos/indicator.json",
            "relationship", "sros/relationship.json",
            "sighting", "sros/sighting.json");

    private static JsonSchemaFactory factory;
    private static final Map<String, JsonSchema> SCHEMAS_LOADED = new ConcurrentHashMap<>();

    @BeforeAll
    public static void loadFactory()
    {
        assumeTrue(Files.isDirectory(SCHEMAS), "../shared/corpus/stix2-schemas/schemas is absent: STIX schema validation skipped");
        String local = SCHEMAS.toAbsolutePath().normalize().toUri().toString();
        String folder = local.endsWith("/") ? local : local + "/";
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(PREFIX, folder))
                // no network: only the mapped files and the validator's bundled meta-schemas
                .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("file:")
                        || iri.toString().startsWith("classpath:")))));
    }

    private static JsonSchema schema(String relative)
    {
        return SCHEMAS_LOADED.computeIfAbsent(relative, path -> factory.getSchema(SchemaLocation.of(PREFIX + path)));
    }

    private static Set<ValidationMessage> validateObject(JsonNode object)
    {
        String type = object.path("type").asText();
        String schema = SCHEMA_BY_TYPE.get(type);
        if (schema == null) {
            throw new AssertionError("the writer emitted an object of unexpected type " + type + ": " + object);
        }
        return schema(schema).validate(object);
    }

    /** Every failure as "id: messages", empty when all objects are valid. */
    private static List<String> invalidObjects(JsonNode bundle)
    {
        List<String> failures = new ArrayList<>();
        for (JsonNode object : bundle.get("objects")) {
            Set<ValidationMessage> errors = validateObject(object);
            if (!errors.isEmpty()) {
                failures.add(object.path("id").asText() + ": " + errors);
            }
        }
        return failures;
    }

    @Test
    public void testEveryObjectIsValid()
    {
        JsonNode bundle = TestStixBundleWriter.bundle(StixFixtures.campaigns(), CREATED);
        assertEquals(32, bundle.get("objects").size());
        assertEquals(List.of(), invalidObjects(bundle));
    }

    @Test
    public void testTheBundleIsValid()
    {
        JsonNode bundle = TestStixBundleWriter.bundle(StixFixtures.campaigns(), CREATED);
        assertEquals(Set.of(), schema("common/bundle.json").validate(bundle));
        assertEquals(Set.of(), schema("common/bundle.json").validate(TestStixBundleWriter.bundle(List.of(), CREATED)));
    }

    @Test
    public void testRemoteSchemasAreRefused()
    {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> factory.getSchema(SchemaLocation.of("https://example.invalid/schema.json")));
        assertTrue(String.valueOf(refused.getMessage()).contains("not allowed"), String.valueOf(refused.getMessage()));
    }

    @Test
    public void testBrokenObjectsAreReported()
    {
        JsonNode bundle = TestStixBundleWriter.bundle(StixFixtures.campaigns(), CREATED);
        ObjectNode campaign = null;
        ObjectNode indicator = null;
        ObjectNode sighting = null;
        for (JsonNode object : bundle.get("objects")) {
            String type = object.get("type").asText();
            if (type.equals("campaign") && campaign == null) {
                campaign = ((ObjectNode) object).deepCopy();
            }
            else if (type.equals("indicator") && indicator == null) {
                indicator = ((ObjectNode) object).deepCopy();
            }
            else if (type.equals("sighting") && sighting == null) {
                sighting = ((ObjectNode) object).deepCopy();
            }
        }

        campaign.remove("name");
        Set<ValidationMessage> nameless = validateObject(campaign);
        assertFalse(nameless.isEmpty(), "a campaign without name passed");
        assertTrue(nameless.toString().contains("name"), nameless.toString());

        indicator.put("created", "2025-07-25T12:00:00Z");
        assertFalse(validateObject(indicator).isEmpty(), "created without milliseconds passed");

        sighting.put("id", "sighting--not-a-uuid");
        assertFalse(validateObject(sighting).isEmpty(), "a malformed id passed");

        ObjectNode brokenBundle = ((ObjectNode) bundle).deepCopy();
        brokenBundle.put("id", "report--" + bundle.get("id").asText().substring("bundle--".length()));
        assertFalse(schema("common/bundle.json").validate(brokenBundle).isEmpty(), "a bundle with a report id passed");

        assertEquals(1, invalidObjects(withReplacedObject(bundle, campaign)).size());
    }

    private static JsonNode withReplacedObject(JsonNode bundle, ObjectNode replacement)
    {
        ObjectNode copy = ((ObjectNode) bundle).deepCopy();
        ArrayNode objects = (ArrayNode) copy.get("objects");
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).get("type").asText().equals(replacement.get("type").asText())) {
                objects.set(i, replacement);
                break;
            }
        }
        return copy;
    }

    @Test
    public void testEveryPatternIsRecognised()
    {
        JsonNode bundle = TestStixBundleWriter.bundle(StixFixtures.campaigns(), CREATED);
        int patterns = 0;
        for (JsonNode object : bundle.get("objects")) {
            if (object.get("type").asText().equals("indicator")) {
                List<Comparison> comparisons = StixPatternRecogniser.parse(object.get("pattern").asText());
                assertFalse(comparisons.isEmpty());
                patterns++;
            }
        }
        assertEquals(7, patterns);
        List<Comparison> windows = StixPatternRecogniser.parse(StixPatterns.webshellPath(StixFixtures.WINDOWS_PATH).orElseThrow().pattern());
        assertEquals(List.of(new Comparison("file:name", "=", "spinstall0.aspx"),
                new Comparison("file:parent_directory_ref.path", "=", "C:\\Program Files\\Common Files\\O'Brien\\16\\TEMPLATE\\LAYOUTS")), windows);
    }

    @Test
    public void testTheRecogniserRejectsBrokenPatterns()
    {
        for (String broken : List.of(
                "[file:name = 'a'b']",
                "[file:name = 'a\\']",
                "[file:name = 'a\\n']",
                "file:name = 'a'",
                "[file:name 'a']",
                "[file:name = 'a'",
                "[file:name = 'a'] AND",
                "[file: = 'a']",
                "[:name = 'a']",
                "[file:name = a]",
                "[file:name = 'a' AND]",
                "[file:name = 'a'] [file:name = 'b']")) {
            assertThrows(IllegalArgumentException.class, () -> StixPatternRecogniser.parse(broken), broken);
        }
        assertEquals(2, StixPatternRecogniser.parse("[file:name = 'a'] OR [file:size != 12]").size());
    }

    @Test
    public void testAttackerChosenPathsStayValid()
    {
        List<String> paths = List.of(
                "/_layouts/15/x'];DROP--.aspx",
                "/_layouts/15/\\'.aspx",
                "/a' OR file:name = 'b",
                "C:\\inetpub\\wwwroot\\']\\[x].aspx",
                "C:\\Windows\\Temp\\\u00e9t\u00e9\nline.aspx",
                "\\\\fileserver\\share\\shell.aspx",
                "http://evil.example/'x'.aspx",
                "plain'name.aspx");
        Campaign campaign = StixFixtures.campaignWithPaths("TC-7", paths);
        JsonNode bundle = TestStixBundleWriter.bundle(List.of(campaign), CREATED);
        assertEquals(List.of(), invalidObjects(bundle));
        int indicators = 0;
        for (JsonNode object : bundle.get("objects")) {
            if (object.get("type").asText().equals("indicator")) {
                List<Comparison> comparisons = StixPatternRecogniser.parse(object.get("pattern").asText());
                // the values read back joined as a path give one of the paths put in
                String value = comparisons.size() == 1 ? comparisons.get(0).value()
                        : comparisons.get(1).value() + "\\" + comparisons.get(0).value();
                assertTrue(paths.contains(value), value);
                indicators++;
            }
        }
        assertEquals(paths.size(), indicators);
    }
}
