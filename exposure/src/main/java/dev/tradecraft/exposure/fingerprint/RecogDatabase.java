package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.fingerprint.FingerprintProblem.Kind;

/**
 * One Rapid7 Recog fingerprint database (one XML file): fingerprints in file order, tried in that
 * order, the first match winning, as Recog does. Immutable and safe to share between threads.
 *
 * <p>The matched text is attacker-controlled (banners from the internet). Patterns run in RE2/J,
 * linear in the text; the few RE2/J cannot express run in java.util.regex under a work budget.
 * Only the first {@value MatchInput#MAX_CHARS} characters of a text are looked at.
 */
public final class RecogDatabase
{
    private final String name;
    private final String matches;
    private final String protocol;
    private final String databaseType;
    private final double preference;
    private final List<RecogFingerprint> fingerprints;
    private final List<FingerprintProblem> problems;
    // Scans repeat a few thousand server headers and titles millions of times, and a text's match
    // never changes: short texts are remembered, up to a bound. Some databases see a new text every
    // time (request GUIDs, host names), where the memo is pure cost: when it fills having been hit
    // less often than it was filled, it is dropped for good and every text is matched.
    private static final int MEMO_ENTRIES = 16_384;
    private static final int MEMO_MAX_CHARS = 256;
    private final Map<String, Optional<RecogMatch>> memo = new ConcurrentHashMap<>();
    private final LongAdder memoHits = new LongAdder();
    private volatile boolean memoUseful = true;
    // Hits only matter until the memo is full and judged; after that a hit costs only the lookup.
    private volatile boolean memoJudged;

    RecogDatabase(
            String name,
            String matches,
            String protocol,
            String databaseType,
            double preference,
            List<RecogFingerprint> fingerprints,
            List<FingerprintProblem> problems)
    {
        this.name = requireNonNull(name, "name is null");
        this.matches = requireNonNull(matches, "matches is null");
        this.protocol = requireNonNull(protocol, "protocol is null");
        this.databaseType = requireNonNull(databaseType, "databaseType is null");
        this.preference = preference;
        this.fingerprints = List.copyOf(requireNonNull(fingerprints, "fingerprints is null"));
        this.problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    /**
     * Loads a database file. External examples ({@code _filename}) are read from the folder named
     * after the file without {@code .xml}, as in Recog; for a file not named {@code *.xml} they are
     * reported skipped.
     *
     * @throws FingerprintException when the file cannot be read, is not well-formed XML, or is not
     *         a Recog database; the problem gives file and line
     */
    public static RecogDatabase load(Path xml)
            throws FingerprintException
    {
        requireNonNull(xml, "xml is null");
        String file = xml.toString();
        Path fileName = xml.getFileName();
        String baseName = fileName == null ? file : fileName.toString();
        Optional<Path> examples = baseName.endsWith(".xml")
                ? Optional.of(xml.resolveSibling(baseName.substring(0, baseName.length() - 4)))
                : Optional.empty();
        try (InputStream input = Files.newInputStream(xml)) {
            return RecogXmlReader.read(file, baseName, input, examples);
        }
        catch (IOException e) {
            throw new FingerprintException(new FingerprintProblem(SourcePosition.offset(file, 0), Kind.IO_ERROR, "cannot read: " + e), e);
        }
    }

    /**
     * Loads a database from a stream, e.g. a resource. External examples cannot be read and are
     * reported skipped.
     *
     * @param name the file name positions print and the default {@code matches} key comes from
     */
    public static RecogDatabase load(String name, InputStream xml)
            throws FingerprintException
    {
        requireNonNull(name, "name is null");
        requireNonNull(xml, "xml is null");
        return RecogXmlReader.read(name, name, xml, Optional.empty());
    }

    /** The file name, e.g. {@code http_servers.xml}. */
    public String name()
    {
        return name;
    }

    /** The key Recog looks a database up by, e.g. {@code http_header.server}. */
    public String matches()
    {
        return matches;
    }

    /** The protocol matches report as {@code service.protocol}, as written in the database. */
    public Optional<String> protocol()
    {
        return protocol.isEmpty() ? Optional.empty() : Optional.of(protocol);
    }

    /** {@code service} or {@code util.os}, when the database says. */
    public Optional<String> databaseType()
    {
        return databaseType.isEmpty() ? Optional.empty() : Optional.of(databaseType);
    }

    /** Recog's ordering weight between databases, higher first; 0.10 when not given. */
    public double preference()
    {
        return preference;
    }

    /**
     * The first fingerprint, in file order, whose pattern matches the text, with what it asserts.
     */
    public Optional<RecogMatch> match(String text)
    {
        requireNonNull(text, "text is null");
        if (!memoUseful || text.length() > MEMO_MAX_CHARS) {
            return matchUncached(text);
        }
        Optional<RecogMatch> match = memo.get(text);
        if (match != null) {
            if (!memoJudged) {
                memoHits.increment();
            }
            return match;
        }
        match = matchUncached(text);
        if (memo.size() < MEMO_ENTRIES) {
            memo.put(text, match);
        }
        else if (!memoJudged) {
            memoJudged = true;
            if (memoHits.sum() < MEMO_ENTRIES) {
                memoUseful = false;
                memo.clear();
            }
        }
        return match;
    }

    private Optional<RecogMatch> matchUncached(String text)
    {
        MatchInput input = new MatchInput(text);
        for (RecogFingerprint fingerprint : fingerprints) {
            RecogMatch match = fingerprint.matchOrNull(input);
            if (match != null) {
                return Optional.of(match);
            }
        }
        return Optional.empty();
    }

    /** The fingerprints that compiled, in file order. */
    public List<RecogFingerprint> fingerprints()
    {
        return fingerprints;
    }

    /** What was skipped or bent while loading, in file order; empty for a clean database. */
    public List<FingerprintProblem> problems()
    {
        return problems;
    }

    @Override
    public String toString()
    {
        return matches + " (" + name + ", " + fingerprints.size() + " fingerprints)";
    }
}
