package dev.tradecraft.exposure.vuln;

/** What went wrong with a piece of vulnerability data; the CLI counts problems by kind. */
public enum VulnProblemKind
{
    /** The file or classpath resource could not be read (missing, unreadable, too large). */
    UNREADABLE_FILE,
    /** The JSON itself is broken; what was read before the break is kept. */
    MALFORMED_JSON,
    /** Valid JSON, but not a CVE JSON 5 record (no {@code cveMetadata.cveId}). */
    NOT_A_CVE_RECORD,
    /** Valid JSON, but not a KEV catalogue (no {@code vulnerabilities} array). */
    NOT_A_KEV_CATALOG,
    /** A field has the wrong type or form; the field (or the entry holding it) is skipped. */
    BAD_FIELD,
    /** A date or time that does not parse; the value is left out. */
    BAD_DATE,
    /** A KEV entry without a required field; the entry is skipped. */
    BAD_KEV_ENTRY,
    /** The same CVE twice; the later-updated record is kept. */
    DUPLICATE_RECORD,
    /** A row of a built-in content file that does not parse; the row is skipped. */
    BAD_CONTENT_ROW,
    /** Content rows that contradict each other (a build outside its product's range, overlapping ranges). */
    INCONSISTENT_CONTENT
}
