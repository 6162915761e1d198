package dev.tradecraft.exposure.scan;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import dev.tradecraft.core.SourcePosition;

/**
 * Entry point for scan data: finds a file's format by its content and opens a streaming reader
 * that turns it into {@link Banner}s, one per service. Gzip files are decompressed on the fly
 * (found by their magic bytes, whatever their name); no file is loaded whole.
 *
 * <p>The formats and how each is found are described on {@link ScanFormat} and in the sniffing
 * order of the package's sniffer: empty, binary, {@code <nmaprun} XML, then JSON judged by the keys
 * of its first records (Shodan {@code ip_str}/{@code _shodan}, Censys {@code services[]}, masscan
 * {@code ports[]}, ZGrab2 {@code data{}}).
 */
public final class ScanReaders
{
    private ScanReaders() {}

    /** The file's scan format, judged from its first 64 KiB; empty when it is none of them (or empty, or binary). */
    public static Optional<ScanFormat> sniff(Path file) throws IOException
    {
        requireNonNull(file, "file is null");
        try (ScanInput input = ScanInput.open(file)) {
            return ScanSniffer.sniff(input.prefix(), input.prefixLength()).format();
        }
    }

    /**
     * Opens a reader for the file's format.
     *
     * @param displayName the name positions print, e.g. {@code scans/shodan-2025-07-21.json.gz}
     * @param problems receives every problem met while reading; reading goes on after each
     * @throws ScanException when the file cannot be read as any scan format (kind
     *         {@code UNKNOWN_FORMAT}, {@code BINARY_FILE}, {@code EMPTY_FILE}, {@code TRUNCATED}
     *         or {@code IO_ERROR}), positioned at offset 0
     */
    public static BannerReader open(Path file, String displayName, Consumer<ScanProblem> problems) throws ScanException
    {
        return open(file, displayName, problems, (input, outcome, reporter) -> open(input, outcome.format().get(), outcome.streamLayout(), reporter));
    }

    /**
     * Opens the file for reading in batches: one-record-per-line JSON is handed out as raw lines and
     * decoded by {@link BannerBatches.Batch#banners} on the caller's worker threads; other layouts are
     * decoded while read. Same banners, same problems, same order as {@link #open}.
     *
     * @throws ScanException as {@link #open} does
     */
    public static BannerBatches openBatches(Path file, String displayName, Consumer<ScanProblem> problems) throws ScanException
    {
        return open(file, displayName, problems,
                (input, outcome, reporter) -> batches(input, outcome.format().get(), outcome.streamLayout(), reporter, LineBatchReader.MAX_LINES));
    }

    /** As {@link #openBatches}, as the given format, one record per line, with batches of at most {@code maxLines}: for tests. */
    static BannerBatches openBatchesAs(Path file, String displayName, Consumer<ScanProblem> problems, ScanFormat format, int maxLines)
            throws IOException
    {
        ScanInput input = ScanInput.open(file);
        boolean success = false;
        try {
            BannerBatches batches = batches(input, format, false, new ProblemReporter(displayName, problems), maxLines);
            success = true;
            return batches;
        }
        finally {
            if (!success) {
                closeQuietly(input);
            }
        }
    }

    private static BannerBatches batches(ScanInput input, ScanFormat format, boolean streamLayout, ProblemReporter reporter, int maxLines)
            throws IOException
    {
        if (streamLayout || format == ScanFormat.NMAP_XML) {
            return new DecodedBatches(open(input, format, streamLayout, reporter));
        }
        return switch (format) {
            case SHODAN -> new LineBatchReader(input, format, reporter, JsonFactories.STRICT, ShodanDecoder::new, maxLines);
            case CENSYS -> new LineBatchReader(input, format, reporter, JsonFactories.STRICT, CensysDecoder::new, maxLines);
            case ZGRAB2 -> new LineBatchReader(input, format, reporter, JsonFactories.STRICT, Zgrab2Decoder::new, maxLines);
            case MASSCAN -> new LineBatchReader(input, format, reporter, JsonFactories.LENIENT, MasscanDecoder::new, maxLines);
            case NMAP_XML -> throw new IllegalStateException("nmap XML is decoded while read");
        };
    }

    /** How a sniffed input becomes a reader of some kind. */
    private interface Opener<T>
    {
        T open(ScanInput input, ScanSniffer.Outcome outcome, ProblemReporter problems) throws IOException;
    }

    private static <T> T open(Path file, String displayName, Consumer<ScanProblem> problems, Opener<T> opener) throws ScanException
    {
        requireNonNull(file, "file is null");
        checkNotBlank(displayName, "displayName");
        requireNonNull(problems, "problems is null");
        ScanInput input;
        try {
            input = ScanInput.open(file);
        }
        catch (IOException e) {
            throw new ScanException(fileProblem(displayName, ScanProblem.IO_ERROR, "cannot read: " + describe(e)), e);
        }
        boolean success = false;
        try {
            ScanSniffer.Outcome outcome = ScanSniffer.sniff(input.prefix(), input.prefixLength());
            if (outcome.format().isEmpty()) {
                // When the gzip stream broke within the first bytes, the damage is the reason, not what little came out.
                Optional<ScanProblem> damage = input.damage(SourcePosition.offset(displayName, 0));
                throw new ScanException(damage.orElse(fileProblem(displayName, outcome.problemKind(), outcome.reason())));
            }
            T reader = opener.open(input, outcome, new ProblemReporter(displayName, problems));
            success = true;
            return reader;
        }
        catch (IOException e) {
            throw new ScanException(fileProblem(displayName, ScanProblem.IO_ERROR, "cannot read: " + describe(e)), e);
        }
        finally {
            if (!success) {
                closeQuietly(input);
            }
        }
    }

    /** Opens the file as the given format, one record per line where the format has records: for tests that damage records, not formats. */
    static BannerReader openAs(Path file, String displayName, Consumer<ScanProblem> problems, ScanFormat format) throws IOException
    {
        ScanInput input = ScanInput.open(file);
        boolean success = false;
        try {
            BannerReader reader = open(input, format, false, new ProblemReporter(displayName, problems));
            success = true;
            return reader;
        }
        finally {
            if (!success) {
                closeQuietly(input);
            }
        }
    }

    private static BannerReader open(ScanInput input, ScanFormat format, boolean streamLayout, ProblemReporter problems) throws IOException
    {
        return switch (format) {
            case SHODAN -> json(input, format, streamLayout, problems, new ShodanDecoder(problems));
            case CENSYS -> json(input, format, streamLayout, problems, new CensysDecoder(problems));
            case ZGRAB2 -> json(input, format, streamLayout, problems, new Zgrab2Decoder(problems));
            case MASSCAN -> new JsonLinesReader(input, format, problems, JsonFactories.LENIENT, new MasscanDecoder(problems));
            case NMAP_XML -> new NmapXmlReader(input, problems);
        };
    }

    private static BannerReader json(ScanInput input, ScanFormat format, boolean streamLayout, ProblemReporter problems, JsonRecordDecoder decoder)
            throws IOException
    {
        if (streamLayout) {
            return new JsonStreamReader(input, format, problems, decoder);
        }
        return new JsonLinesReader(input, format, problems, JsonFactories.STRICT, decoder);
    }

    private static ScanProblem fileProblem(String displayName, String kind, String message)
    {
        return new ScanProblem(SourcePosition.offset(displayName, 0), kind, message);
    }

    private static String describe(IOException e)
    {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    private static void closeQuietly(ScanInput input)
    {
        try {
            input.close();
        }
        catch (IOException e) {
            // The open already failed with a clearer reason; a close failure adds nothing.
        }
    }
}
