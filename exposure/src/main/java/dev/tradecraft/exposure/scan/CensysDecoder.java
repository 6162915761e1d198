package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One banner per entry of a Censys host's {@code services[]}, each positioned at the line where its
 * service starts (the host's line when the host is one line). Host fields (address, location,
 * autonomous system, reverse DNS) may come before or after the services; they are applied to every
 * service once the host is read.
 *
 * <p>The scanner's product and version are those of the first {@code software[]} entry that names
 * a product (vendor and product joined, e.g. {@code Microsoft SharePoint Server}); every entry's CPE
 * ({@code uniform_resource_identifier} or {@code cpe}) is kept. A service without a port is
 * reported and skipped; its host's other services are kept.
 */
final class CensysDecoder implements JsonRecordDecoder
{
    private final ProblemReporter problems;
    private final BannerDraft host = new BannerDraft();
    private final List<BannerDraft> services = new ArrayList<>();
    private int serviceCount;
    private final List<String> serviceProblems = new ArrayList<>();
    private String lastUpdated;
    private String asnText;
    private String countryText;

    CensysDecoder(ProblemReporter problems)
    {
        this.problems = requireNonNull(problems, "problems is null");
    }

    @Override
    public void decode(JsonParser parser, long recordLine, List<Banner> out) throws IOException
    {
        long line = JsonRecordDecoder.lineOf(parser, recordLine);
        host.reset();
        serviceCount = 0;
        lastUpdated = null;
        asnText = null;
        countryText = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "ip" -> host.address = JsonValues.text(parser, token);
                case "last_updated_at" -> lastUpdated = JsonValues.text(parser, token);
                case "location" -> countryText = JsonValues.fieldText(parser, token, "country_code", countryText);
                case "autonomous_system" -> readAutonomousSystem(parser, token);
                case "dns" -> readDns(parser, token);
                case "services" -> readServices(parser, token, recordLine);
                default -> parser.skipChildren();
            }
        }
        if (host.address == null || host.address.isBlank()) {
            problems.skip(line, ScanProblem.MISSING_FIELD, "host has no ip; its " + serviceCount + " services are skipped");
            return;
        }
        host.address = host.address.strip();
        if (!ScanValues.isIpAddress(host.address)) {
            problems.skip(line, ScanProblem.BAD_VALUE, "host ip '" + host.address + "' is not an IP address; skipped");
            return;
        }
        finishHost(line);
        for (int i = 0; i < serviceCount; i++) {
            BannerDraft service = services.get(i);
            if (!ScanValues.validPort(service.port)) {
                String problem = serviceProblems.get(i);
                problems.skip(service.line, problem == null ? ScanProblem.MISSING_FIELD : ScanProblem.BAD_VALUE,
                        "service of " + host.address + (problem == null ? " has no port" : " has port '" + problem + "', not in [0,65535]") + "; skipped");
                continue;
            }
            service.copyHost(host);
            out.add(service.build(ScanFormat.CENSYS, problems.at(service.line)));
        }
    }

    private void finishHost(long line)
    {
        if (asnText != null) {
            host.asn = ScanValues.asn(asnText);
            if (host.asn == null) {
                problems.report(line, ScanProblem.BAD_VALUE, "autonomous_system.asn '" + asnText + "' is not an AS number; dropped");
            }
        }
        if (countryText != null) {
            host.country = ScanValues.country(countryText);
            if (host.country == null) {
                problems.report(line, ScanProblem.BAD_VALUE, "location.country_code '" + countryText + "' is not ISO 3166 alpha-2; dropped");
            }
        }
        if (lastUpdated != null) {
            host.observed = ScanTimes.parseIso(lastUpdated);
            if (host.observed == null) {
                problems.report(line, ScanProblem.BAD_VALUE, "last_updated_at '" + lastUpdated + "' is not an ISO 8601 time; dropped");
            }
        }
    }

    private void readAutonomousSystem(JsonParser parser, JsonToken token) throws IOException
    {
        if (!JsonValues.isObject(parser, token)) {
            return;
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "asn" -> asnText = JsonValues.text(parser, value);
                case "name" -> host.organisation = JsonValues.text(parser, value);
                default -> parser.skipChildren();
            }
        }
    }

    private void readDns(JsonParser parser, JsonToken token) throws IOException
    {
        if (!JsonValues.isObject(parser, token)) {
            return;
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (name.equals("names")) {
                JsonValues.strings(parser, value, host.hostnames);
            }
            else if (name.equals("reverse_dns") && JsonValues.isObject(parser, value)) {
                String field;
                while ((field = parser.nextFieldName()) != null) {
                    JsonToken names = parser.nextToken();
                    if (field.equals("names")) {
                        JsonValues.strings(parser, names, host.hostnames);
                    }
                    else {
                        parser.skipChildren();
                    }
                }
            }
            else {
                parser.skipChildren();
            }
        }
    }

    private void readServices(JsonParser parser, JsonToken token, long recordLine) throws IOException
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
            BannerDraft service = nextService();
            service.line = JsonRecordDecoder.lineOf(parser, recordLine);
            readService(parser, service);
        }
    }

    private BannerDraft nextService()
    {
        if (serviceCount == services.size()) {
            services.add(new BannerDraft());
            serviceProblems.add(null);
        }
        BannerDraft service = services.get(serviceCount);
        service.reset();
        serviceProblems.set(serviceCount, null);
        serviceCount++;
        return service;
    }

    private void readService(JsonParser parser, BannerDraft service) throws IOException
    {
        String observed = null;
        String banner = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "port" -> {
                    String port = JsonValues.text(parser, value);
                    if (port != null) {
                        service.port = ScanValues.port(port);
                        if (!ScanValues.validPort(service.port)) {
                            serviceProblems.set(serviceCount - 1, port);
                        }
                    }
                }
                case "transport_protocol" -> service.transport = ScanValues.lowerAscii(JsonValues.text(parser, value));
                case "observed_at" -> observed = JsonValues.text(parser, value);
                case "banner" -> banner = JsonValues.cappedText(parser, value, ScanValues.MAX_TEXT_CHARS);
                case "software" -> readSoftware(parser, value, service);
                case "http" -> readHttp(parser, value, service);
                default -> parser.skipChildren();
            }
        }
        if (observed != null) {
            service.observed = ScanTimes.parseIso(observed);
            if (service.observed == null) {
                problems.report(service.line, ScanProblem.BAD_VALUE, "observed_at '" + observed + "' is not an ISO 8601 time; dropped");
            }
        }
        if (banner != null && service.headers.isEmpty() && service.httpStatus == BannerDraft.NO_STATUS) {
            int status = HttpHeaderText.parseResponse(banner, service.headers);
            if (status == HttpHeaderText.NOT_HTTP) {
                service.rawBanner = banner;
            }
            else {
                service.httpStatus = status;
            }
        }
        if (service.title == null && service.body != null) {
            service.title = HtmlTitle.of(service.body).orElse(null);
        }
    }

    private void readSoftware(JsonParser parser, JsonToken token, BannerDraft service) throws IOException
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
            String vendor = null;
            String product = null;
            String version = null;
            String name;
            while ((name = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "vendor" -> vendor = JsonValues.text(parser, value);
                    case "product" -> product = JsonValues.text(parser, value);
                    case "version" -> version = JsonValues.text(parser, value);
                    case "uniform_resource_identifier", "cpe" -> service.addCpe(JsonValues.text(parser, value));
                    default -> parser.skipChildren();
                }
            }
            if (service.product == null && product != null && !product.isBlank()) {
                service.product = productName(vendor, product);
                service.version = version;
            }
        }
    }

    private static String productName(String vendor, String product)
    {
        if (vendor == null || vendor.isBlank() || product.regionMatches(true, 0, vendor, 0, vendor.length())) {
            return product;
        }
        return vendor + " " + product;
    }

    private void readHttp(JsonParser parser, JsonToken token, BannerDraft service) throws IOException
    {
        if (!JsonValues.isObject(parser, token)) {
            return;
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (name.equals("response") && JsonValues.isObject(parser, value)) {
                readResponse(parser, service);
            }
            else {
                parser.skipChildren();
            }
        }
    }

    private void readResponse(JsonParser parser, BannerDraft service) throws IOException
    {
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "status_code" -> {
                    long status = JsonValues.number(parser, value);
                    if (status >= 100 && status <= 999) {
                        service.httpStatus = (int) status;
                    }
                }
                case "html_title" -> service.title = ScanValues.cap(JsonValues.text(parser, value), ScanValues.MAX_TITLE_CHARS);
                case "headers" -> JsonHeaders.read(parser, value, JsonHeaders.Names.AS_SENT, service.headers);
                case "body" -> service.body = JsonValues.cappedText(parser, value, ScanValues.MAX_TEXT_CHARS);
                default -> parser.skipChildren();
            }
        }
    }
}
