package dev.tradecraft.campaigns.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tradecraft.campaigns.stix.StixPatternRecogniser.Comparison;
import dev.tradecraft.campaigns.stix.StixPatterns.IndicatorPattern;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;

public class TestStixPatterns
{
    private static Optional<String> pattern(ObservableType type, String value)
    {
        return StixPatterns.forObservable(new Observable(type, value)).map(IndicatorPattern::pattern);
    }

    @Test
    public void testLiteralEscapesQuoteAndBackslashOnly()
    {
        assertEquals("'plain'", StixPatterns.literal("plain"));
        assertEquals("'a\\'b\\\\c]d'", StixPatterns.literal("a'b\\c]d"));
        assertEquals("'\\\\\\''", StixPatterns.literal("\\'"));
        assertEquals("''", StixPatterns.literal(""));
    }

    @Test
    public void testAddresses()
    {
        assertEquals(Optional.of("[ipv4-addr:value = '203.0.113.7']"), pattern(ObservableType.SOURCE_IP, "203.0.113.7"));
        assertEquals(Optional.of("[ipv4-addr:value = '203.0.113.7']"), pattern(ObservableType.SOURCE_IP, "203.0.113.7:51234"));
        assertEquals(Optional.of("[ipv4-addr:value = '0.0.0.0']"), pattern(ObservableType.SOURCE_IP, "0.0.0.0"));
        assertEquals(Optional.of("[ipv6-addr:value = '2001:db8::7']"), pattern(ObservableType.SOURCE_IP, "2001:DB8::7"));
        assertEquals(Optional.of("[ipv6-addr:value = '2001:db8::7']"), pattern(ObservableType.SOURCE_IP, "[2001:db8::7]:443"));
        assertEquals(Optional.of("[ipv6-addr:value = '::ffff:192.0.2.1']"), pattern(ObservableType.SOURCE_IP, "::ffff:192.0.2.1"));
        assertEquals(Optional.of("[ipv6-addr:value = '::']"), pattern(ObservableType.SOURCE_IP, "::"));
        assertEquals(Optional.of("[ipv6-addr:value = '1:2:3:4:5:6:7:8']"), pattern(ObservableType.SOURCE_IP, "1:2:3:4:5:6:7:8"));
        for (String notAnAddress : List.of("unknown", "-", "999.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.4:", "1.2.3.4:123456",
                "0001.2.3.4", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "1::2::3", "1:2:3:4:5:6:7::8:9", ":1::", "12345::", "1:2", "::1.2.3",
                "[::1", "2001:db8::7]:443", "1.2.3.4' OR '1'='1", "example.com")) {
            assertEquals(Optional.empty(), pattern(ObservableType.SOURCE_IP, notAnAddress), notAnAddress);
        }
    }

    @Test
    public void testHashesByLength()
    {
        assertEquals(Optional.of("[file:hashes.'MD5' = '" + "ab".repeat(16) + "']"), pattern(ObservableType.FILE_HASH, "AB".repeat(16)));
        assertEquals(Optional.of("[file:hashes.'SHA-1' = '" + "0".repeat(40) + "']"), pattern(ObservableType.FILE_HASH, "0".repeat(40)));
        assertEquals(Optional.of("[file:hashes.'SHA-256' = '" + "f".repeat(64) + "']"), pattern(ObservableType.FILE_HASH, "f".repeat(64)));
        assertEquals(Optional.of("[file:hashes.'SHA-512' = '" + "1".repeat(128) + "']"), pattern(ObservableType.FILE_HASH, "1".repeat(128)));
        assertEquals(Optional.empty(), pattern(ObservableType.FILE_HASH, "g".repeat(64)));
        assertEquals(Optional.empty(), pattern(ObservableType.FILE_HASH, "a".repeat(63)));
        assertEquals(Optional.empty(), pattern(ObservableType.FILE_HASH, "'".repeat(32)));
    }

    @Test
    public void testWebshellPaths()
    {
        assertEquals(Optional.of("[network-traffic:extensions.'http-request-ext'.request_value = '/_layouts/15/spinstall0.aspx']"),
                pattern(ObservableType.WEBSHELL_PATH, "/_layouts/15/spinstall0.aspx"));
        assertEquals(Optional.of("[file:name = 'x.aspx' AND file:parent_directory_ref.path = 'C:\\\\']"), pattern(ObservableType.WEBSHELL_PATH, "C:\\x.aspx"));
        assertEquals(Optional.of("[file:name = 'x.aspx' AND file:parent_directory_ref.path = 'C:/inetpub']"),
                pattern(ObservableType.WEBSHELL_PATH, "C:/inetpub/x.aspx"));
        assertEquals(Optional.of("[file:name = 'LAYOUTS' AND file:parent_directory_ref.path = 'D:\\\\TEMPLATE']"),
                pattern(ObservableType.WEBSHELL_PATH, "D:\\TEMPLATE\\LAYOUTS\\"));
        assertEquals(Optional.of("[file:name = 'x.aspx' AND file:parent_directory_ref.path = '\\\\']"), pattern(ObservableType.WEBSHELL_PATH, "\\x.aspx"));
        assertEquals(Optional.of("[directory:path = 'C:\\\\']"), pattern(ObservableType.WEBSHELL_PATH, "C:\\"));
        assertEquals(Optional.empty(), pattern(ObservableType.WEBSHELL_PATH, "\\\\"));
        assertEquals(Optional.of("[url:value = 'https://sp.example/_layouts/15/spinstall0.aspx']"),
                pattern(ObservableType.WEBSHELL_PATH, "https://sp.example/_layouts/15/spinstall0.aspx"));
        assertEquals(Optional.of("[file:name = 'spinstall0.aspx']"), pattern(ObservableType.WEBSHELL_PATH, "spinstall0.aspx"));
    }

    @Test
    public void testOtherObservablesGiveNoIndicator()
    {
        assertEquals(Optional.empty(), pattern(ObservableType.USER_AGENT, "Mozilla/5.0"));
        assertEquals(Optional.empty(), pattern(ObservableType.WEBSHELL_NAME, "spinstall0.aspx"));
        assertEquals(Optional.empty(), pattern(ObservableType.DOMAIN, "evil.example"));
    }

    @Test
    public void testRandomPathsRoundTripThroughThePattern()
    {
        long seed = System.nanoTime();
        System.out.println("TestStixPatterns.testRandomPathsRoundTripThroughThePattern seed=" + seed);
        Random random = new Random(seed);
        String alphabet = "ab/\\'][ :.\"\n\t%*?=()-_\u00e9\u4e2d";
        for (int round = 0; round < 2000; round++) {
            StringBuilder path = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int i = 0; i < length; i++) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = path.toString();
            if (value.isBlank()) {
                continue;
            }
            Optional<IndicatorPattern> indicator = StixPatterns.webshellPath(value);
            if (indicator.isEmpty()) {
                // only a path made of separators has nothing to name
                assertTrue(value.chars().allMatch(c -> c == '\\' || c == '/'), "seed " + seed + ": " + value);
                continue;
            }
            List<Comparison> comparisons;
            try {
                comparisons = StixPatternRecogniser.parse(indicator.get().pattern());
            }
            catch (IllegalArgumentException e) {
                throw new AssertionError("seed " + seed + ": path " + value + " gave a pattern that does not parse: " + e.getMessage(), e);
            }
            assertFalse(comparisons.isEmpty());
            for (Comparison comparison : comparisons) {
                assertTrue(value.contains(comparison.value()) || (value + "\\").contains(comparison.value()),
                        "seed " + seed + ": " + comparison.value() + " is not part of " + value);
            }
            List<Comparison> literal = StixPatternRecogniser.parse("[file:name = " + StixPatterns.literal(value) + "]");
            assertEquals(value, literal.get(0).value(), "seed " + seed);
        }
    }
}
