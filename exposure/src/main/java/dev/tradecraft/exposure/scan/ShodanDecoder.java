package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One Shodan banner per record. The HTTP response headers are the lines of the raw {@code data}
 * text (Shodan has no headers object; one is read too, in case, when {@code data} holds none). The
 * status comes from {@code http.status}, else from the status line of {@code data}. A banner whose
 * {@code data} is not an HTTP response keeps it as the raw banner. {@code timestamp} has no zone and
 * means UTC.
 */
final class ShodanDecoder implements JsonRecordDecoder
{
    private final ProblemReporter problems;
    private final BannerDraft draft = new BannerDraft();
    private final List<HttpHeaders.Header> objectHeaders = new ArrayList<>();

    // Per record, outside the draft: values that need the whole record to be used.
    private String ipText;
    private long ipNumber;
    private String ipv6;
    private String portText;
    private String timestamp;
    private String isp;
    private String asnText;
    private String countryText;
    private String data;
    private String html;
    private String httpHost;

    ShodanDecoder(ProblemReporter problems)
    {
        this.problems = requireNonNull(problems, "problems is null");
    }

    @Override
    public void decode(JsonParser parser, long recordLine, List<Banner> out) throws IOException
    {
        long line = JsonRecordDecoder.lineOf(parser, recordLine);
        reset();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            // Scalars are read at one place and assigned apart: the JSON reading code is large, and
            // the compiler would otherwise copy it into this method once per field.
            switch (name) {
                case "ip_str", "ipv6", "port", "transport", "timestamp", "org", "isp", "asn", "product", "version" ->
                        assign(name, JsonValues.text(parser, token));
                case "ip" -> readIp(parser, token);
                case "hostnames" -> JsonValues.strings(parser, token, draft.hostnames);
                case "location" -> countryText = JsonValues.fieldText(parser, token, "country_code", countryText);
                case "cpe", "cpe23" -> JsonValues.strings(parser, token, draft.cpes);
                case "data" -> data = JsonValues.cappedText(parser, token, ScanValues.MAX_TEXT_CHARS);
                case "http" -> readHttp(parser, token);
                default -> parser.skipChildren();
            }
        }
        String address = address();
        if (address == null) {
            problems.skip(line, ScanProblem.MISSING_FIELD, "banner has no IP address (ip_str, ipv6 or ip); skipped");
            return;
        }
        if (!ScanValues.isIpAddress(address)) {
            problems.skip(line, ScanProblem.BAD_VALUE, "banner address '" + address + "' is not an IP address; skipped");
            return;
        }
        if (portText == null) {
            problems.skip(line, ScanProblem.MISSING_FIELD, "banner for " + address + " has no port; skipped");
            return;
        }
        int port = ScanValues.port(portText);
        if (!ScanValues.validPort(port)) {
            problems.skip(line, ScanProblem.BAD_VALUE, "banner for " + address + " has port '" + portText + "', not in [0,65535]; skipped");
            return;
        }
        draft.address = address;
        draft.port = port;
        finish(line);
        out.add(draft.build(ScanFormat.SHODAN, problems.at(line)));
    }

    private void assign(String name, String value)
    {
        switch (name) {
            case "ip_str" -> ipText = value;
            case "ipv6" -> ipv6 = value;
            case "port" -> portText = value;
            case "transport" -> draft.transport = ScanValues.lowerAscii(value);
            case "timestamp" -> timestamp = value;
            case "org" -> draft.organisation = value;
            case "isp" -> isp = value;
            case "asn" -> asnText = value;
            case "product" -> draft.product = value;
            case "version" -> draft.version = value;
            default -> throw new IllegalArgumentException("not a scalar field of a Shodan banner: " + name);
        }
    }

    private void reset()
    {
        draft.reset();
        objectHeaders.clear();
        ipText = null;
        ipNumber = ScanValues.INVALID;
        ipv6 = null;
        portText = null;
        timestamp = null;
        isp = null;
        asnText = null;
        countryText = null;
        data = null;
        html = null;
        httpHost = null;
    }

    private void readIp(JsonParser parser, JsonToken token) throws IOException
    {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            ipNumber = JsonValues.number(parser, token);
        }
        else {
            // Some exports write the address text in "ip".
            String text = JsonValues.text(parser, token);
            if (text != null && ipText == null && ScanValues.isIpAddress(text)) {
                ipText = text;
            }
        }
    }

    private String address()
    {
        if (ipText != null && !ipText.isBlank()) {
            return ipText.strip();
        }
        if (ipv6 != null && !ipv6.isBlank()) {
            return ipv6.strip();
        }
        return ScanValues.ipv4(ipNumber);
    }

    private void readHttp(JsonParser parser, JsonToken token) throws IOException
    {
        if (!JsonValues.isObject(parser, token)) {
            return;
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "status" -> {
                    long status = JsonValues.number(parser, value);
                    if (status >= 100 && status <= 999) {
                        draft.httpStatus = (int) status;
                    }
                }
                case "title" -> draft.title = ScanValues.cap(JsonValues.text(parser, value), ScanValues.MAX_TITLE_CHARS);
                case "html" -> html = JsonValues.cappedText(parser, value, ScanValues.MAX_TEXT_CHARS);
                case "host" -> httpHost = JsonValues.text(parser, value);
                case "headers" -> JsonHeaders.read(parser, value, JsonHeaders.Names.AS_SENT, objectHeaders);
                default -> parser.skipChildren();
            }
        }
    }

    private void finish(long line)
    {
        if (data != null) {
            int status = HttpHeaderText.parseResponse(data, draft.headers);
            if (status == HttpHeaderText.NOT_HTTP) {
                draft.rawBanner = data;
            }
            else if (draft.httpStatus == BannerDraft.NO_STATUS) {
                draft.httpStatus = status;
            }
        }
        if (draft.headers.isEmpty()) {
            draft.headers.addAll(objectHeaders);
        }
        draft.body = html;
        if (draft.title == null && html != null) {
            draft.title = HtmlTitle.of(html).orElse(null);
        }
        if (httpHost != null) {
            String host = ScanValues.authorityHost(httpHost);
            if (!ScanValues.isIpAddress(host)) {
                draft.addHostname(host);
            }
        }
        if (draft.organisation == null || draft.organisation.isBlank()) {
            draft.organisation = isp;
        }
        if (asnText != null) {
            draft.asn = ScanValues.asn(asnText);
            if (draft.asn == null) {
                problems.report(line, ScanProblem.BAD_VALUE, "asn '" + asnText + "' is not an AS number; dropped");
            }
        }
        if (countryText != null) {
            draft.country = ScanValues.country(countryText);
            if (draft.country == null) {
                problems.report(line, ScanProblem.BAD_VALUE, "country code '" + countryText + "' is not ISO 3166 alpha-2; dropped");
            }
        }
        if (timestamp != null) {
            draft.observed = ScanTimes.parseIso(timestamp);
            if (draft.observed == null) {
                problems.report(line, ScanProblem.BAD_VALUE, "timestamp '" + timestamp + "' is not an ISO 8601 time; the banner is kept without one");
            }
        }
    }
}
