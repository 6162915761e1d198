package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One banner per ZGrab2 line: the HTTP response under {@code data.http.result.response} (any module
 * name under {@code data} whose result holds a response is read the same way, so a multi-module
 * run with {@code http80} and {@code http443} gives a banner each). Header names come lower case
 * with {@code _} for {@code -} and are turned back; the port comes from the request URL, else the
 * top-level {@code port}, else the scheme's default. A line whose modules got no response (a
 * connection refused, a timeout) describes no service and gives no banner; that is not a problem.
 */
final class Zgrab2Decoder implements JsonRecordDecoder
{
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    private final ProblemReporter problems;
    private final List<BannerDraft> responses = new ArrayList<>();
    private int responseCount;
    private final List<Integer> urlPorts = new ArrayList<>();
    private final List<String> schemes = new ArrayList<>();
    private String ip;
    private String domain;
    private String portText;

    Zgrab2Decoder(ProblemReporter problems)
    {
        this.problems = requireNonNull(problems, "problems is null");
    }

    @Override
    public void decode(JsonParser parser, long recordLine, List<Banner> out) throws IOException
    {
        long line = JsonRecordDecoder.lineOf(parser, recordLine);
        responseCount = 0;
        ip = null;
        domain = null;
        portText = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "ip" -> ip = JsonValues.text(parser, token);
                case "domain" -> domain = JsonValues.text(parser, token);
                case "port" -> portText = JsonValues.text(parser, token);
                case "data" -> readModules(parser, token, line);
                default -> parser.skipChildren();
            }
        }
        if (responseCount == 0) {
            return;
        }
        if (ip == null || ip.isBlank()) {
            problems.skip(line, ScanProblem.MISSING_FIELD, "result has an HTTP response but no ip; skipped");
            return;
        }
        String address = ip.strip();
        if (!ScanValues.isIpAddress(address)) {
            problems.skip(line, ScanProblem.BAD_VALUE, "result ip '" + address + "' is not an IP address; skipped");
            return;
        }
        int topPort = portText == null ? ScanValues.INVALID : ScanValues.port(portText);
        if (portText != null && !ScanValues.validPort(topPort)) {
            problems.report(line, ScanProblem.BAD_VALUE, "port '" + portText + "' is not in [0,65535]; the URL or scheme decides");
        }
        for (int i = 0; i < responseCount; i++) {
            BannerDraft response = responses.get(i);
            response.address = address;
            response.port = port(urlPorts.get(i), topPort, schemes.get(i));
            if (domain != null && !domain.isBlank() && !ScanValues.isIpAddress(domain.strip()) && !response.hostnames.contains(domain.strip())) {
                response.hostnames.add(0, domain.strip());
            }
            out.add(response.build(ScanFormat.ZGRAB2, problems.at(line)));
        }
    }

    private static int port(int urlPort, int topPort, String scheme)
    {
        if (ScanValues.validPort(urlPort)) {
            return urlPort;
        }
        if (ScanValues.validPort(topPort)) {
            return topPort;
        }
        return "https".equalsIgnoreCase(scheme) ? HTTPS_PORT : HTTP_PORT;
    }

    private void readModules(JsonParser parser, JsonToken token, long line) throws IOException
    {
        if (!JsonValues.isObject(parser, token)) {
            return;
        }
        while (parser.nextFieldName() != null) {
            JsonToken module = parser.nextToken();
            if (JsonValues.isObject(parser, module)) {
                readModule(parser, line);
            }
        }
    }

    private void readModule(JsonParser parser, long line) throws IOException
    {
        BannerDraft response = nextResponse();
        String timestamp = null;
        boolean found = false;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "timestamp" -> timestamp = JsonValues.text(parser, value);
                case "result" -> found |= readResult(parser, value, response);
                default -> parser.skipChildren();
            }
        }
        if (!found) {
            responseCount--;
            return;
        }
        if (timestamp != null) {
            response.observed = ScanTimes.parseIso(timestamp);
            if (response.observed == null) {
                problems.report(line, ScanProblem.BAD_VALUE, "timestamp '" + timestamp + "' is not an ISO 8601 time; dropped");
            }
        }
        if (response.title == null && response.body != null) {
            response.title = HtmlTitle.of(response.body).orElse(null);
        }
    }

    private BannerDraft nextResponse()
    {
        if (responseCount == responses.size()) {
            responses.add(new BannerDraft());
            urlPorts.add(ScanValues.INVALID);
            schemes.add(null);
        }
        BannerDraft response = responses.get(responseCount);
        response.reset();
        urlPorts.set(responseCount, ScanValues.INVALID);
        schemes.set(responseCount, null);
        responseCount++;
        return response;
    }

    /** Reads {@code result}; true when it held a response. */
    private boolean readResult(JsonParser parser, JsonToken token, BannerDraft response) throws IOException
    {
        if (!JsonValues.isObject(parser, token)) {
            return false;
        }
        boolean found = false;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (name.equals("response") && JsonValues.isObject(parser, value)) {
                readResponse(parser, response);
                found = true;
            }
            else {
                parser.skipChildren();
            }
        }
        return found;
    }

    private void readResponse(JsonParser parser, BannerDraft response) throws IOException
    {
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "status_code" -> {
                    long status = JsonValues.number(parser, value);
                    if (status >= 100 && status <= 999) {
                        response.httpStatus = (int) status;
                    }
                }
                case "headers" -> JsonHeaders.read(parser, value, JsonHeaders.Names.UNDERSCORED, response.headers);
                case "body" -> response.body = JsonValues.cappedText(parser, value, ScanValues.MAX_TEXT_CHARS);
                case "request" -> readRequest(parser, value, response);
                default -> parser.skipChildren();
            }
        }
    }

    private void readRequest(JsonParser parser, JsonToken token, BannerDraft response) throws IOException
    {
        if (!JsonValues.isObject(parser, token)) {
            return;
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (name.equals("url")) {
                readUrl(parser, value, response);
            }
            else {
                parser.skipChildren();
            }
        }
    }

    /** The URL as Go writes a {@code url.URL} ({@code scheme}, {@code host} with an optional port), or as text. */
    private void readUrl(JsonParser parser, JsonToken token, BannerDraft response) throws IOException
    {
        int index = responseCount - 1;
        if (token == JsonToken.VALUE_STRING) {
            String url = parser.getText();
            int schemeEnd = url.indexOf("://");
            if (schemeEnd > 0) {
                schemes.set(index, url.substring(0, schemeEnd));
                int hostStart = schemeEnd + 3;
                int hostEnd = hostStart;
                while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
                    hostEnd++;
                }
                applyAuthority(url.substring(hostStart, hostEnd), index, response);
            }
            return;
        }
        if (!JsonValues.isObject(parser, token)) {
            return;
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "scheme" -> schemes.set(index, JsonValues.text(parser, value));
                case "host" -> {
                    String host = JsonValues.text(parser, value);
                    if (host != null) {
                        applyAuthority(host, index, response);
                    }
                }
                case "port" -> {
                    String port = JsonValues.text(parser, value);
                    if (port != null) {
                        urlPorts.set(index, ScanValues.port(port));
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    private void applyAuthority(String authority, int index, BannerDraft response)
    {
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        int port = ScanValues.authorityPort(hostPort);
        if (port != ScanValues.INVALID) {
            urlPorts.set(index, port);
        }
        String host = ScanValues.authorityHost(hostPort);
        if (!host.isEmpty() && !ScanValues.isIpAddress(host)) {
            response.addHostname(host);
        }
    }
}
