package dev.tradecraft.flink.send;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.flink.source.LogRecord;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.readers.LogFormat;
import dev.tradecraft.readers.Readers;
import dev.tradecraft.readers.Sniffed;

/**
 * Cuts a log file into the records of the input topic, with the positions {@code tradecraft hunt}
 * gives the same text. The format is found by the readers' own sniffing; {@code .gz} files are
 * decompressed; the file is streamed, never loaded whole.
 *
 * <ul>
 * <li>IIS W3C: one record per non-blank line, directives included (the job needs them),
 *     numbered as the reader numbers lines: split on LF, a CR before it dropped.</li>
 * <li>Windows JSON: one record per top-level object. When the first object ends on the line it
 *     starts on (one object per line), records are numbered by the line they start on; otherwise
 *     (pretty-printed, or inside a top-level array) by their rank in the file, as the reader does.
 *     Text between objects (evtx_dump's {@code Record N} lines, array brackets and commas) is not sent.</li>
 * </ul>
 * EVTX files are not sent yet: their records would have to be converted to JSON first.
 * Text is read as UTF-8.
 */
public final class FileRecords
{
    /** As the JSON reader's own limit: far above any Windows event. */
    private static final int MAX_OBJECT_CHARS = 4 * 1024 * 1024;

    private FileRecords() {}

    /**
     * What cutting a file gave.
     *
     * @param records records handed on
     * @param skipped why the file was not sent at all, when it was not
     */
    public record Outcome(long records, Optional<String> skipped)
    {
        public Outcome
        {
            requireNonNull(skipped, "skipped is null");
        }
    }

    public static Outcome cut(LogFile file, Consumer<LogRecord> out) throws IOException
    {
        requireNonNull(file, "file is null");
        requireNonNull(out, "out is null");
        Sniffed sniffed = Readers.sniff(file.path());
        if (sniffed.format().isEmpty()) {
            return new Outcome(0, Optional.of(sniffed.reason()));
        }
        LogFormat format = sniffed.format().get();
        if (format == LogFormat.EVTX) {
            return new Outcome(0, Optional.of("EVTX files are not sent yet; convert them with tradecraft evtx dump --format jsonl"));
        }
        InputStream raw = Files.newInputStream(file.path());
        try (Reader text = new BufferedReader(new InputStreamReader(sniffed.compressed() ? new GZIPInputStream(raw, 65536) : raw, StandardCharsets.UTF_8), 65536)) {
            long records = format == LogFormat.IIS_W3C ? lines(file, text, out) : objects(file, text, out);
            return new Outcome(records, Optional.empty());
        }
    }

    private static long lines(LogFile file, Reader text, Consumer<LogRecord> out) throws IOException
    {
        StringBuilder line = new StringBuilder(512);
        long number = 1;
        long sent = 0;
        int c;
        while ((c = text.read()) >= 0) {
            if (c == '\n') {
                sent += sendLine(file, line, number, out);
                line.setLength(0);
                number++;
            }
            else {
                line.append((char) c);
            }
        }
        if (line.length() > 0) {
            sent += sendLine(file, line, number, out);
        }
        return sent;
    }

    private static int sendLine(LogFile file, StringBuilder line, long number, Consumer<LogRecord> out)
    {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        String text = line.substring(0, end);
        if (text.isBlank()) {
            return 0;
        }
        out.accept(record(file, LogFormat.IIS_W3C, SourcePosition.Unit.LINE, number, text));
        return 1;
    }

    /** Frames top-level objects by following strings, escapes and bracket depth. */
    private static long objects(LogFile file, Reader text, Consumer<LogRecord> out) throws IOException
    {
        StringBuilder object = new StringBuilder(2048);
        long line = 1;
        long startLine = 0;
        long rank = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean seenContent = false;
        boolean inArray = false;
        SourcePosition.Unit unit = null;
        int c;
        while ((c = text.read()) >= 0) {
            char ch = (char) c;
            if (depth == 0) {
                if (ch == '{') {
                    object.setLength(0);
                    object.append(ch);
                    depth = 1;
                    startLine = line;
                }
                else if (!seenContent && ch == '[') {
                    inArray = true;
                }
                if (!Character.isWhitespace(ch) && ch != '\uFEFF') {
                    seenContent = true;
                }
            }
            else {
                object.append(ch);
                if (object.length() > MAX_OBJECT_CHARS) {
                    throw new IOException(file.displayName() + ":" + startLine + ": object longer than " + MAX_OBJECT_CHARS + " characters");
                }
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    }
                    else if (ch == '\\') {
                        escaped = true;
                    }
                    else if (ch == '"') {
                        inString = false;
                    }
                }
                else if (ch == '"') {
                    inString = true;
                }
                else if (ch == '{' || ch == '[') {
                    depth++;
                }
                else if (ch == '}' || ch == ']') {
                    depth--;
                    if (depth == 0) {
                        rank++;
                        if (unit == null) {
                            unit = startLine == line && !inArray ? SourcePosition.Unit.LINE : SourcePosition.Unit.RECORD;
                        }
                        long index = unit == SourcePosition.Unit.LINE ? startLine : rank;
                        out.accept(record(file, LogFormat.WINDOWS_JSON, unit, index, object.toString()));
                    }
                }
            }
            if (ch == '\n') {
                line++;
            }
        }
        return rank;
    }

    private static LogRecord record(LogFile file, LogFormat format, SourcePosition.Unit unit, long index, String text)
    {
        return new LogRecord(file.origin().organisation(), file.origin().host(), file.displayName(), format, unit, index, text);
    }
}
