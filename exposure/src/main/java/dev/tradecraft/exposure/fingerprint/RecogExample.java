package dev.tradecraft.exposure.fingerprint;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <example>} of a fingerprint: a text the fingerprint must match, and the parameter
 * values it must yield.
 *
 * @param line where the example is written
 * @param text the text to match, decoded ({@code _encoding="base64"}) or read ({@code _filename});
 *        empty when the example is skipped
 * @param attributes every attribute as written, in order, {@code _encoding} and {@code _filename} included
 * @param skipped why the example cannot be checked (its file is absent or unreadable), if so
 */
record RecogExample(long line, String text, Map<String, String> attributes, Optional<String> skipped)
{
    static final String ENCODING = "_encoding";
    static final String FILENAME = "_filename";

    RecogExample
    {
        checkArgument(line >= 0, "line is negative: %s", line);
        requireNonNull(text, "text is null");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(attributes, "attributes is null")));
        requireNonNull(skipped, "skipped is null");
    }

    /**
     * The values the match must yield: every attribute except the two Recog's verifier passes over
     * ({@code _encoding}, {@code _filename}).
     */
    Map<String, String> expected()
    {
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (!attribute.getKey().equals(ENCODING) && !attribute.getKey().equals(FILENAME)) {
                expected.put(attribute.getKey(), attribute.getValue());
            }
        }
        return expected;
    }
}
