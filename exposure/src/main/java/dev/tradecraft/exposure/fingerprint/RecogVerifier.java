package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recog's own checks of a database's examples, so the same verdicts can be had here.
 *
 * <p>{@code recog_verify} (Recog::Verifier with Fingerprint#verify_tests) checks each example
 * against its own fingerprint only: the pattern must match, and every example attribute except
 * {@code _encoding} and {@code _filename} must equal the value of that key in the match result,
 * which holds the params plus {@code matched} (the description), {@code fingerprint_db} and
 * {@code service.protocol}. It then fails a fingerprint whose capture params no example asserts.
 * Whether an earlier fingerprint of the database would take the example first is not part of
 * {@code recog_verify}; Recog's rspec self-test checks it separately, and {@link #earlierMatch}
 * answers it.
 */
final class RecogVerifier
{
    private RecogVerifier() {}

    enum Status
    {
        PASSED, FAILED, SKIPPED
    }

    /** The verdict on one example; the reason is empty when it passed. */
    record ExampleCheck(RecogFingerprint fingerprint, RecogExample example, Status status, String reason)
    {
        ExampleCheck
        {
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(example, "example is null");
            requireNonNull(status, "status is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /** recog_verify's check of one example against its own fingerprint. */
    static ExampleCheck checkExample(RecogFingerprint fingerprint, RecogExample example)
    {
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(example, "example is null");
        if (example.skipped().isPresent()) {
            return new ExampleCheck(fingerprint, example, Status.SKIPPED, example.skipped().get());
        }
        Optional<RecogMatch> match = fingerprint.match(example.text());
        if (match.isEmpty()) {
            return new ExampleCheck(fingerprint, example, Status.FAILED,
                    "'" + fingerprint.description() + "' failed to match " + quote(example.text()) + " with /" + fingerprint.pattern() + "/");
        }
        for (Map.Entry<String, String> expected : example.expected().entrySet()) {
            Optional<String> actual = resultValue(match.get(), expected.getKey());
            if (!actual.equals(Optional.of(expected.getValue()))) {
                return new ExampleCheck(fingerprint, example, Status.FAILED,
                        "'" + fingerprint.description() + "' failed to find expected capture group " + expected.getKey()
                                + " '" + expected.getValue() + "'. Result was " + actual.map(RecogVerifier::quote).orElse("nil"));
            }
        }
        return new ExampleCheck(fingerprint, example, Status.PASSED, "");
    }

    /**
     * Capture params no example of the fingerprint asserts (recog_verify's
     * verify_tests_have_capture_groups); a fingerprint without examples has none, as recog_verify
     * only warns about it.
     */
    static List<String> untestedCaptures(RecogFingerprint fingerprint)
    {
        List<String> untested = new ArrayList<>();
        if (fingerprint.examples().isEmpty()) {
            // recog_verify warns about a fingerprint without examples and stops there.
            return untested;
        }
        for (RecogParam param : fingerprint.params()) {
            if (!param.isCapture() || param.name().startsWith("_tmp.") || untested.contains(param.name())) {
                continue;
            }
            boolean asserted = false;
            for (RecogExample example : fingerprint.examples()) {
                asserted |= example.attributes().containsKey(param.name());
            }
            if (!asserted) {
                untested.add(param.name());
            }
        }
        return untested;
    }

    /**
     * The first fingerprint before {@code index} that matches the text, which {@link RecogDatabase#match}
     * would return instead of fingerprint {@code index}.
     */
    static Optional<RecogFingerprint> earlierMatch(List<RecogFingerprint> fingerprints, int index, String text)
    {
        MatchInput input = new MatchInput(text);
        for (int i = 0; i < index; i++) {
            if (fingerprints.get(i).matchOrNull(input) != null) {
                return Optional.of(fingerprints.get(i));
            }
        }
        return Optional.empty();
    }

    /** The value Recog's result hash has for a key. */
    private static Optional<String> resultValue(RecogMatch match, String key)
    {
        return switch (key) {
            case "matched" -> Optional.of(match.description());
            case "fingerprint_db" -> Optional.of(match.database());
            default -> match.parameter(key);
        };
    }

    /** A text as Ruby's inspect would show it, control characters escaped, cut to a readable length. */
    static String quote(String text)
    {
        StringBuilder out = new StringBuilder("\"");
        int end = Math.min(text.length(), 120);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                        out.append(String.format("\\x%02X", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        if (end < text.length()) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}
