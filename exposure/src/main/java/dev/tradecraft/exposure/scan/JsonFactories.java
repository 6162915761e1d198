package dev.tradecraft.exposure.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/** The shared, thread-safe JSON factories: one strict, one for masscan's loosely escaped output. */
final class JsonFactories
{
    /**
     * Standard JSON. Field names are canonicalised but not interned: header names are keys in
     * Censys and ZGrab2 records, and strangers choose them.
     */
    static final JsonFactory STRICT = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    /** masscan writes banners with raw control characters and backslashes that are not JSON escapes. */
    static final JsonFactory LENIENT = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private JsonFactories() {}
}
