package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

/**
 * A Shodan export ({@code shodan download} shape, toolshell.md §4.1) of the organisations' farms as
 * seen at the end of the window, plus SharePoint Online and unrelated banners. Response headers
 * live only in {@code data}; the version header has the truncated {@code 16.0.0.NNNNN} form (§2.1),
 * so 2019 and Subscription Edition builds on the July 8 line and on the fix look the same.
 */
final class ShodanBannerWriter
{
    private static final long LABEL = 0x53484f44L;
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final long DAY_MICROS = TimeText.MILLIS_PER_DAY * 1000L;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String[] TENANTS = {"contoso", "fabrikam", "northwindtraders", "adventureworks", "tailspintoys", "wingtiptoys",
            "litwareinc", "proseware", "woodgrovebank", "alpineskihouse", "coho-winery", "margiestravel"};
    private static final String[] NOISE_NAMES = {"mail", "vpn", "www", "portal", "gw", "remote", "cloud", "app", "files", "owa"};

    /** One banner, ready to write. */
    private record Banner(long micros, String ip, int port, String module, String data, int status, String title, String server,
            String hostname, String domain, String org, String isp, String asn, String countryCode, String countryName, String city,
            String product, String version, boolean sharePoint, boolean vulnerableTag)
    {
        Banner
        {
            requireNonNull(ip, "ip is null");
            requireNonNull(data, "data is null");
        }
    }

    private ShodanBannerWriter() {}

    /** Writes the export; returns the number of banners. */
    static int write(Path file, long seed, Timeline timeline, List<OrganisationPlan> organisations) throws IOException
    {
        Dice dice = Dice.of(seed, LABEL);
        List<Banner> banners = new ArrayList<>();
        long scanDay = timeline.start() + (timeline.days() - 1L) * TimeText.MILLIS_PER_DAY;
        for (OrganisationPlan plan : organisations) {
            OrganisationProfile org = plan.profile();
            long micros = (scanDay + (long) (dice.nextDouble() * (TimeText.MILLIS_PER_DAY - 1))) * 1000L + dice.between(0, 999);
            banners.add(sharePoint(org, micros, dice));
            if (dice.chance(0.35)) {
                banners.add(redirect(org, micros + dice.between(1, 600) * 1_000_000L, dice));
            }
        }
        int noise = Math.max(8, organisations.size());
        for (int i = 0; i < noise; i++) {
            long micros = (timeline.start() + (long) (dice.nextDouble() * (timeline.end() - timeline.start() - 1))) * 1000L
                    + dice.between(0, 999);
            banners.add(unrelated(Addresses.documentation(organisations.size() + i), micros, dice));
        }
        int online = Math.max(2, organisations.size() / 8);
        for (int i = 0; i < online; i++) {
            long micros = (timeline.start() + (long) (dice.nextDouble() * (timeline.end() - timeline.start() - 1))) * 1000L
                    + dice.between(0, 999);
            banners.add(sharePointOnline(TENANTS[i % TENANTS.length] + (i < TENANTS.length ? "" : Integer.toString(i)), micros, dice));
        }
        banners.sort(Comparator.comparingLong(Banner::micros).thenComparing(Banner::ip).thenComparingInt(Banner::port));
        try (OutputStream out = FixedGzipOutputStream.open(file, true);
                JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            for (Banner banner : banners) {
                writeBanner(json, banner, dice);
            }
            json.writeRaw('\n');
        }
        return banners.size();
    }

    private static Banner sharePoint(OrganisationProfile org, long micros, Dice dice)
    {
        SharePointBuild build = org.build();
        boolean anonymous = org.exposure().anonymousHome();
        boolean header = !org.exposure().headerRemoved();
        String iis = build.endOfLife() ? "8.5" : "10.0";
        String guid = uuid(dice);
        StringBuilder data = new StringBuilder(800);
        if (anonymous) {
            data.append("HTTP/1.1 200 OK\r\n");
            data.append("Cache-Control: private, max-age=0\r\n");
            data.append("Content-Type: text/html; charset=utf-8\r\n");
            data.append("Expires: ").append(httpDate(micros - 30 * DAY_MICROS)).append("\r\n");
            data.append("Last-Modified: ").append(httpDate(micros - 3_600_000_000L)).append("\r\n");
        }
        else {
            data.append("HTTP/1.1 401 Unauthorized\r\n");
            data.append("Content-Type: text/plain; charset=utf-8\r\n");
        }
        data.append("Server: Microsoft-IIS/").append(iis).append("\r\n");
        data.append("X-SharePointHealthScore: ").append(dice.between(0, 2)).append("\r\n");
        data.append("SPRequestGuid: ").append(guid).append("\r\n");
        data.append("request-id: ").append(guid).append("\r\n");
        data.append("X-FRAME-OPTIONS: SAMEORIGIN\r\n");
        data.append("SPRequestDuration: ").append(dice.between(3, 90)).append("\r\n");
        data.append("SPIisLatency: ").append(dice.between(0, 3)).append("\r\n");
        if (!anonymous) {
            data.append("WWW-Authenticate: NTLM\r\n");
            data.append("WWW-Authenticate: Negotiate\r\n");
        }
        if (header) {
            data.append("X-Powered-By: ASP.NET\r\n");
            data.append("MicrosoftSharePointTeamServices: ").append(build.headerVersion()).append("\r\n");
        }
        data.append("X-Content-Type-Options: nosniff\r\n");
        data.append("X-MS-InvokeApp: 1; RequireReadOnly\r\n");
        data.append("Date: ").append(httpDate(micros)).append("\r\n");
        data.append("Content-Length: ").append(anonymous ? dice.between(38_000, 46_000) : 16).append("\r\n\r\n");
        // Shodan's passive tag goes by the header alone, so it flags ambiguous 2019/SE builds too and misses hidden ones.
        boolean tagged = header && (build.endOfLife() || !build.headerVersion().equals("16.0.0.5513"));
        Country country = org.country();
        return new Banner(micros, org.network().publicIp(), 443, "https", data.toString(), anonymous ? 200 : 401,
                anonymous ? "Home - " + org.displayName() : "", "Microsoft-IIS/" + iis, org.naming().publicHost(), org.naming().domain(),
                org.displayName(), country.isp(), asn(country), country.code(), country.name(), country.city(), "Microsoft IIS httpd",
                iis, true, tagged);
    }

    private static Banner redirect(OrganisationProfile org, long micros, Dice dice)
    {
        String data = "HTTP/1.1 301 Moved Permanently\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "Location: https://" + org.naming().publicHost() + "/\r\n"
                + "Server: Microsoft-IIS/10.0\r\n"
                + "X-Powered-By: ASP.NET\r\n"
                + "Date: " + httpDate(micros) + "\r\n"
                + "Content-Length: " + dice.between(140, 160) + "\r\n\r\n";
        Country country = org.country();
        return new Banner(micros, org.network().publicIp(), 80, "http", data, 301, "Document Moved", "Microsoft-IIS/10.0",
                org.naming().publicHost(), org.naming().domain(), org.displayName(), country.isp(), asn(country), country.code(),
                country.name(), country.city(), "Microsoft IIS httpd", "10.0", false, false);
    }

    private static Banner unrelated(String ip, long micros, Dice dice)
    {
        String name = dice.pick(NOISE_NAMES) + "." + dice.pick(new String[] {"example.com", "example.net", "example.org"});
        String date = "Date: " + httpDate(micros) + "\r\n";
        Country country = Country.ALL.get(dice.nextInt(Country.ALL.size()));
        int port = 443;
        int status = 200;
        String title;
        String server;
        String product;
        String version;
        String data;
        switch (dice.nextInt(5)) {
            case 0 -> {
                title = "Welcome to nginx!";
                server = "nginx/1.24.0";
                product = "nginx";
                version = "1.24.0";
                data = "HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\n" + date + "Content-Type: text/html\r\nContent-Length: 615\r\n"
                        + "Connection: keep-alive\r\nETag: \"" + dice.hex(8) + "-267\"\r\nAccept-Ranges: bytes\r\n\r\n";
            }
            case 1 -> {
                port = 80;
                title = "Apache2 Ubuntu Default Page: It works";
                server = "Apache/2.4.58 (Ubuntu)";
                product = "Apache httpd";
                version = "2.4.58";
                data = "HTTP/1.1 200 OK\r\n" + date + "Server: Apache/2.4.58 (Ubuntu)\r\nLast-Modified: "
                        + httpDate(micros - 90 * DAY_MICROS) + "\r\nAccept-Ranges: bytes\r\nContent-Length: 10671\r\n"
                        + "Vary: Accept-Encoding\r\nContent-Type: text/html\r\n\r\n";
            }
            case 2 -> {
                // Exchange also sends X-FEServer, one of the headers of SharePoint Online.
                status = 302;
                title = "Object moved";
                server = "Microsoft-IIS/10.0";
                product = "Microsoft IIS httpd";
                version = "10.0";
                data = "HTTP/1.1 302 Found\r\nCache-Control: private\r\nContent-Type: text/html; charset=utf-8\r\nLocation: https://" + name
                        + "/owa/\r\nServer: Microsoft-IIS/10.0\r\nX-OWA-Version: 15.2.1544.4\r\nX-FEServer: MAIL0" + dice.between(1, 4)
                        + "\r\nX-Powered-By: ASP.NET\r\n" + date + "Content-Length: 143\r\n\r\n";
            }
            case 3 -> {
                title = "IIS Windows Server";
                server = "Microsoft-IIS/10.0";
                product = "Microsoft IIS httpd";
                version = "10.0";
                data = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nLast-Modified: " + httpDate(micros - 400 * DAY_MICROS)
                        + "\r\nAccept-Ranges: bytes\r\nETag: \"" + dice.hex(16) + "\"\r\nServer: Microsoft-IIS/10.0\r\n"
                        + "X-Powered-By: ASP.NET\r\n" + date + "Content-Length: 703\r\n\r\n";
            }
            default -> {
                port = 8443;
                title = "SSL VPN";
                server = "xxxxxxxx-xxxxx";
                product = "";
                version = "";
                data = "HTTP/1.1 200 OK\r\n" + date + "Server: xxxxxxxx-xxxxx\r\nContent-Type: text/html; charset=utf-8\r\n"
                        + "X-Frame-Options: SAMEORIGIN\r\nContent-Security-Policy: frame-ancestors 'self'\r\nContent-Length: 1841\r\n\r\n";
            }
        }
        return new Banner(micros, ip, port, port == 80 ? "http" : "https", data, status, title, server, name, domainOf(name),
                "Hosting customer", country.isp(), asn(country), country.code(), country.name(), country.city(), product, version,
                false, false);
    }

    /** SharePoint Online also sends the version header (toolshell.md §2.1); an on-premises count must exclude it. */
    private static Banner sharePointOnline(String tenant, long micros, Dice dice)
    {
        String host = tenant + ".sharepoint.com";
        String guid = uuid(dice);
        String data = "HTTP/1.1 403 FORBIDDEN\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Server: Microsoft-IIS/10.0\r\n"
                + "X-NetworkStatistics: 0," + dice.between(400_000, 600_000) + ",0,0," + dice.between(1_000, 40_000) + ",0,0\r\n"
                + "X-SharePointHealthScore: " + dice.between(0, 3) + "\r\n"
                + "X-MSDAVEXT_Error: 917656; Access+denied.+Before+opening+files+in+this+location%2c+you+must+first+browse+to+the+web+site"
                + "+and+select+the+option+to+login+automatically.\r\n"
                + "SPRequestGuid: " + guid + "\r\n"
                + "request-id: " + guid + "\r\n"
                + "MS-CV: " + dice.alphanumeric(22) + "==.0\r\n"
                + "X-Forms_Based_Auth_Required: https://" + host + "/_forms/default.aspx?ReturnUrl=/_layouts/15/error.aspx&Source=%2f\r\n"
                + "X-Forms_Based_Auth_Return_Url: https://" + host + "/_layouts/15/error.aspx\r\n"
                + "X-MS-SPConnector: 1\r\n"
                + "X-Powered-By: ASP.NET\r\n"
                + "MicrosoftSharePointTeamServices: 16.0.0." + dice.between(26_100, 26_299) + "\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "X-MS-InvokeApp: 1; RequireReadOnly\r\n"
                + "X-Cache: CONFIG_NOCACHE\r\n"
                + "X-MSEdge-Ref: Ref A: " + dice.hexUpper(32) + " Ref B: AMS" + dice.between(100, 999) + "EDGE"
                        + dice.between(1000, 9999) + "\r\n"
                + "X-FEServer: " + "AM" + dice.between(1, 9) + "PR" + dice.between(10, 99) + "MB" + dice.between(1000, 9999) + "\r\n"
                + "SPClientServiceRequestDuration: " + dice.between(5, 60) + "\r\n"
                + "Date: " + httpDate(micros) + "\r\n"
                + "Content-Length: 13\r\n\r\n";
        String ip = "13.107." + (dice.chance(0.5) ? "136." : "138.") + dice.between(8, 10);
        return new Banner(micros, ip, 443, "https", data, 403, "", "Microsoft-IIS/10.0", host, "sharepoint.com", "Microsoft Corporation",
                "Microsoft Corporation", "AS8075", "US", "United States", "Redmond", "Microsoft IIS httpd", "10.0", true, false);
    }

    private static void writeBanner(JsonGenerator json, Banner banner, Dice dice) throws IOException
    {
        json.writeStartObject();
        json.writeNumberField("ip", Addresses.toNumber(banner.ip()));
        json.writeStringField("ip_str", banner.ip());
        json.writeNumberField("port", banner.port());
        json.writeStringField("transport", "tcp");
        json.writeStringField("timestamp", TimeText.shodanTime(banner.micros()));
        json.writeNumberField("hash", banner.data().hashCode());
        json.writeStringField("org", banner.org());
        json.writeStringField("isp", banner.isp());
        json.writeStringField("asn", banner.asn());
        json.writeArrayFieldStart("hostnames");
        json.writeString(banner.hostname());
        json.writeEndArray();
        json.writeArrayFieldStart("domains");
        json.writeString(banner.domain());
        json.writeEndArray();
        json.writeObjectFieldStart("location");
        json.writeStringField("country_code", banner.countryCode());
        json.writeStringField("country_name", banner.countryName());
        json.writeStringField("city", banner.city());
        json.writeEndObject();
        if (!banner.product().isEmpty()) {
            json.writeStringField("product", banner.product());
            json.writeStringField("version", banner.version());
        }
        if (banner.product().equals("Microsoft IIS httpd")) {
            json.writeArrayFieldStart("cpe23");
            json.writeString("cpe:2.3:a:microsoft:internet_information_services:" + banner.version());
            json.writeEndArray();
        }
        json.writeStringField("data", banner.data());
        json.writeObjectFieldStart("http");
        json.writeNumberField("status", banner.status());
        if (banner.title().isEmpty()) {
            json.writeNullField("title");
        }
        else {
            json.writeStringField("title", banner.title());
        }
        json.writeStringField("server", banner.server());
        json.writeStringField("host", banner.hostname());
        json.writeObjectFieldStart("components");
        if (banner.sharePoint()) {
            json.writeObjectFieldStart("Microsoft SharePoint");
            json.writeArrayFieldStart("categories");
            json.writeString("CMS");
            json.writeEndArray();
            json.writeEndObject();
        }
        if (banner.server().startsWith("Microsoft-IIS")) {
            json.writeObjectFieldStart("Microsoft ASP.NET");
            json.writeArrayFieldStart("categories");
            json.writeString("Web frameworks");
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
        if (banner.vulnerableTag()) {
            json.writeObjectFieldStart("vulns");
            json.writeObjectFieldStart("CVE-2025-53770");
            json.writeBooleanField("verified", false);
            json.writeNumberField("cvss", 9.8);
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeObjectFieldStart("_shodan");
        json.writeStringField("module", banner.module());
        json.writeStringField("crawler", dice.hex(40));
        json.writeStringField("id", uuid(dice));
        json.writeBooleanField("ptr", false);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static String asn(Country country)
    {
        // RFC 5398 documentation AS numbers, one per country.
        return "AS" + (64496 + Country.ALL.indexOf(country));
    }

    private static String domainOf(String host)
    {
        return host.substring(host.indexOf('.') + 1);
    }

    private static String httpDate(long micros)
    {
        return HTTP_DATE.format(Instant.ofEpochMilli(Math.floorDiv(micros, 1000L)));
    }

    private static String uuid(Dice dice)
    {
        return dice.hex(8) + "-" + dice.hex(4) + "-" + dice.hex(4) + "-" + dice.hex(4) + "-" + dice.hex(12);
    }
}
