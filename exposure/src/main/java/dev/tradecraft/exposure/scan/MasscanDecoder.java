package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One banner per entry of a masscan record's {@code ports[]}. An entry whose {@code status} says
 * other than {@code open} ({@code --show closed}) is no service and is passed over; entries from
 * {@code --banners} carry no status and a {@code service{name, banner}}: an HTTP response banner is
 * read for its status and headers, a {@code title} banner is the title, any other is kept raw. The
 * {@code timestamp} is epoch seconds, as text or a number. The {@code {finished: 1}} line older
 * versions end with is not JSON and is ignored.
 */
final class MasscanDecoder implements JsonRecordDecoder
{
    private static final byte[] FINISHED = "finished".getBytes(StandardCharsets.US_ASCII);

    private final ProblemReporter problems;
    private final List<BannerDraft> entries = new ArrayList<>();
    private final List<String> entryPorts = new ArrayList<>();
    private int entryCount;
    private String ip;
    private String timestamp;

    MasscanDecoder(ProblemReporter problems)
    {
        this.problems = requireNonNull(problems, "problems is null");
    }

    @Override
    public boolean ignorable(byte[] line, int from, int to)
    {
        // {finished: 1}
        if (line[from] != '{') {
            return false;
        }
        int i = from + 1;
        while (i < to && ScanValues.isBlankByte(line[i])) {
            i++;
        }
        if (to - i < FINISHED.length) {
            return false;
        }
        for (int j = 0; j < FINISHED.length; j++) {
            if (line[i + j] != FINISHED[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void decode(JsonParser parser, long recordLine, List<Banner> out) throws IOException
    {
        long line = JsonRecordDecoder.lineOf(parser, recordLine);
        entryCount = 0;
        ip = null;
        timestamp = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "ip" -> ip = JsonValues.text(parser, token);
                case "timestamp" -> timestamp = JsonValues.text(parser, token);
                case "ports" -> readPorts(parser, token);
                default -> parser.skipChildren();
            }
        }
        if (entryCount == 0) {
            return;
        }
        if (ip == null || ip.isBlank()) {
            problems.skip(line, ScanProblem.MISSING_FIELD, "record has ports but no ip; skipped");
            return;
        }
        String address = ip.strip();
        if (!ScanValues.isIpAddress(address)) {
            problems.skip(line, ScanProblem.BAD_VALUE, "record ip '" + address + "' is not an IP address; skipped");
            return;
        }
        Instant observed = null;
        if (timestamp != null) {
            observed = ScanTimes.parseEpochSeconds(timestamp);
            if (observed == null) {
                observed = ScanTimes.parseIso(timestamp);
            }
            if (observed == null) {
                problems.report(line, ScanProblem.BAD_VALUE, "timestamp '" + timestamp + "' is not epoch seconds; dropped");
            }
        }
        for (int i = 0; i < entryCount; i++) {
            BannerDraft entry = entries.get(i);
            if (!ScanValues.validPort(entry.port)) {
                String port = entryPorts.get(i);
                problems.skip(line, port == null ? ScanProblem.MISSING_FIELD : ScanProblem.BAD_VALUE,
                        "port entry of " + address + (port == null ? " has no port" : " has port '" + port + "', not in [0,65535]") + "; skipped");
                continue;
            }
            entry.address = address;
            entry.observed = observed;
            out.add(entry.build(ScanFormat.MASSCAN, problems.at(line)));
        }
    }

    private void readPorts(JsonParser parser, JsonToken token) throws IOException
    {
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
            if (element != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            BannerDraft entry = nextEntry();
            if (!readEntry(parser, entry)) {
                entryCount--;
            }
        }
    }

    private BannerDraft nextEntry()
    {
        if (entryCount == entries.size()) {
            entries.add(new BannerDraft());
            entryPorts.add(null);
        }
        BannerDraft entry = entries.get(entryCount);
        entry.reset();
        entryPorts.set(entryCount, null);
        entryCount++;
        return entry;
    }

    /** Reads one ports[] entry; false when it is no open service. */
    private boolean readEntry(JsonParser parser, BannerDraft entry) throws IOException
    {
        String status = null;
        String serviceName = null;
        String banner = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "port" -> {
                    String port = JsonValues.text(parser, value);
                    if (port != null) {
                        entry.port = ScanValues.port(port);
                        entryPorts.set(entryCount - 1, port);
                    }
                }
                case "proto" -> entry.transport = ScanValues.lowerAscii(JsonValues.text(parser, value));
                case "status" -> status = JsonValues.text(parser, value);
                case "service" -> {
                    if (JsonValues.isObject(parser, value)) {
                        String field;
                        while ((field = parser.nextFieldName()) != null) {
                            JsonToken serviceValue = parser.nextToken();
                            switch (field) {
                                case "name" -> serviceName = JsonValues.text(parser, serviceValue);
                                case "banner" -> banner = JsonValues.cappedText(parser, serviceValue, ScanValues.MAX_TEXT_CHARS);
                                default -> parser.skipChildren();
                            }
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (status != null && !status.equalsIgnoreCase("open")) {
            return false;
        }
        if (banner != null) {
            if ("title".equalsIgnoreCase(serviceName)) {
                entry.title = ScanValues.cap(banner.strip(), ScanValues.MAX_TITLE_CHARS);
            }
            else {
                int code = HttpHeaderText.parseResponse(banner, entry.headers);
                if (code == HttpHeaderText.NOT_HTTP) {
                    entry.rawBanner = banner;
                }
                else {
                    entry.httpStatus = code;
                }
            }
        }
        return true;
    }
}
