package dev.tradecraft.readers.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Origin;
import dev.tradecraft.readers.ReadProblem;

/**
 * Every SigmaHQ regression {@code .evtx} file read here and by Debian's libevtx {@code evtxexport}
 * (an independent C implementation): the same records, the same record ids, and the same value
 * for every named event data field. libevtx writes GUIDs in braces and hex numbers zero-padded,
 * so those are compared by value. {@code .ci/run} installs {@code libevtx-utils}; where
 * {@code evtxexport} is absent the test skips and says so.
 */
public class TestEvtxAgainstLibevtx
{
    private static final Path EVTXEXPORT = Paths.get("/usr/bin/evtxexport");
    private static final Pattern RECORD_ID = Pattern.compile("<EventRecordID>(\\d+)</EventRecordID>");
    private static final Pattern DATA = Pattern.compile("<Data Name=\"([^\"]*)\">([^<]*)</Data>");
    private static final Pattern GUID = Pattern.compile("\\{([0-9A-Fa-f-]{36})\\}");
    private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]+)");

    @Test
    public void testRecordsIdsAndDataMatchLibevtx() throws Exception
    {
        assumeTrue(Files.isExecutable(EVTXEXPORT), "evtxexport (Debian libevtx-utils) is not installed; EVTX not compared with libevtx");
        List<Path> files = TestEvtxCorpus.evtxFiles();
        long records = 0;
        long values = 0;
        for (Path file : files) {
            List<Record> theirs = libevtx(file);
            List<Event> ours = new ArrayList<>();
            List<ReadProblem> problems = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file);
                    EvtxReader reader = new EvtxReader(in, file.toString(), new Origin("o", "h"), problems::add)) {
                while (reader.advance()) {
                    ours.add(reader.current());
                }
            }
            assertEquals(List.of(), problems, file.toString());
            assertEquals(theirs.size(), ours.size(), "records of " + file);
            for (int i = 0; i < ours.size(); i++) {
                Event event = ours.get(i);
                Record record = theirs.get(i);
                assertEquals(record.id(), event.field("EventRecordID"), file.toString());
                for (Map.Entry<String, String> data : record.data().entrySet()) {
                    assertEquals(normalise(data.getValue()), normalise(event.field(data.getKey())), file + " record " + record.id() + " " + data.getKey());
                    values++;
                }
            }
            records += ours.size();
        }
        assertEquals(238, records);
        System.out.println("EVTX vs libevtx evtxexport: " + files.size() + " files, " + records + " records, " + values + " data values equal");
    }

    private record Record(String id, Map<String, String> data)
    {
    }

    private static List<Record> libevtx(Path file) throws IOException, InterruptedException
    {
        Process process = new ProcessBuilder(EVTXEXPORT.toString(), "-f", "xml", file.toString()).redirectErrorStream(true).start();
        String xml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("evtxexport did not finish on " + file);
        }
        List<Record> records = new ArrayList<>();
        for (String event : xml.split("<Event xmlns=")) {
            Matcher id = RECORD_ID.matcher(event);
            if (!id.find()) {
                continue;
            }
            Map<String, String> data = new LinkedHashMap<>();
            Matcher matcher = DATA.matcher(event);
            while (matcher.find()) {
                data.put(unescape(matcher.group(1)), unescape(matcher.group(2)));
            }
            records.add(new Record(id.group(1), data));
        }
        return records;
    }

    private static String unescape(String xml)
    {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    /** GUIDs without braces, hex numbers by value: the two tools' spellings of the same value. */
    private static String normalise(String value)
    {
        if (value == null) {
            return null;
        }
        String text = GUID.matcher(value).replaceAll("$1").toUpperCase();
        Matcher hex = HEX.matcher(text.toLowerCase());
        if (hex.matches() && hex.group(1).length() <= 16) {
            return "0x" + Long.toHexString(Long.parseUnsignedLong(hex.group(1), 16));
        }
        return text;
    }
}
