package dev.tradecraft.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a seeded file of Shodan-style banners (JSON lines, as {@code shodan download} gives them,
 * uncompressed) for the exposure benchmark: on-premises SharePoint of every version line, some with
 * the version header removed, SharePoint Online, Exchange, IIS, nginx and Apache, and SSH. Each line
 * carries the HTTP response headers in {@code data} and an {@code http} object, about 1 KB.
 *
 * <pre>java -cp tradecraft-bench.jar dev.tradecraft.bench.ShodanBannerFile OUT.json COUNT [SEED]</pre>
 */
public final class ShodanBannerFile
{
    private static final String[] SHAREPOINT = {"15.0.0.4569", "16.0.0.4351", "16.0.0.5508", "16.0.0.5513", "16.0.0.10337",
            "16.0.0.10416", "16.0.0.10417", "16.0.0.14326", "16.0.0.18526", "16.0.0.19127"};
    private static final String[] COUNTRIES = {"US", "DE", "FR", "NL", "GB", "JP", "BR", "IN", "AU", "MU"};

    private ShodanBannerFile() {}

    public static void main(String[] args) throws IOException
    {
        if (args.length < 2) {
            System.err.println("usage: ShodanBannerFile OUT.json COUNT [SEED]");
            System.exit(2);
        }
        write(Path.of(args[0]), Long.parseLong(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 20250718L);
    }

    public static void write(Path file, long count, long seed) throws IOException
    {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
            StringBuilder line = new StringBuilder(2048);
            for (long i = 0; i < count; i++) {
                line.setLength(0);
                banner(line, random, i);
                line.append('\n');
                out.write(line.toString());
            }
        }
    }

    private static void banner(StringBuilder line, SplittableRandom random, long index)
    {
        long ip = 0x0A000000L + random.nextLong(0x7FFFFFFFL);
        String address = ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
        int roll = random.nextInt(100);
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String asn = "AS" + (64496 + random.nextInt(500));
        String host = "host" + index + ".example.org";
        StringBuilder data = new StringBuilder(512);
        String title;
        int port = 443;
        if (roll < 25) {
            data.append("HTTP/1.1 200 OK\\r\\nCache-Control: private, max-age=0\\r\\nContent-Type: text/html; charset=utf-8\\r\\nServer: Microsoft-IIS/10.0\\r\\n");
            data.append("X-SharePointHealthScore: ").append(random.nextInt(4)).append("\\r\\n");
            data.append("SPRequestGuid: ").append(guid(random)).append("\\r\\nrequest-id: ").append(guid(random)).append("\\r\\n");
            data.append("X-MS-InvokeApp: 1; RequireReadOnly\\r\\n");
            if (random.nextInt(10) > 0) {
                data.append("MicrosoftSharePointTeamServices: ").append(SHAREPOINT[random.nextInt(SHAREPOINT.length)]).append("\\r\\n");
            }
            data.append("X-Powered-By: ASP.NET\\r\\nDate: Mon, 21 Jul 2025 09:14:02 GMT\\r\\nContent-Length: ").append(2000 + random.nextInt(30000)).append("\\r\\n\\r\\n");
            title = "Home - Intranet";
        }
        else if (roll < 30) {
            data.append("HTTP/1.1 200 OK\\r\\nContent-Type: text/html; charset=utf-8\\r\\nMicrosoftSharePointTeamServices: 16.0.0.")
                    .append(25800 + random.nextInt(2000)).append("\\r\\nX-MS-SPConnector: 1\\r\\nSPClientServiceRequestDuration: ")
                    .append(20 + random.nextInt(200)).append("\\r\\nX-FEServer: AM0PR0").append(random.nextInt(9)).append("MB1234\\r\\n\\r\\n");
            host = "tenant" + index + ".sharepoint.com";
            asn = "AS8075";
            title = "SharePoint";
        }
        else if (roll < 40) {
            data.append("HTTP/1.1 302 Found\\r\\nServer: Microsoft-IIS/10.0\\r\\nX-OWA-Version: 15.2.1118.").append(random.nextInt(50))
                    .append("\\r\\nLocation: /owa/\\r\\nX-FEServer: EXCH01\\r\\n\\r\\n");
            title = "Outlook";
        }
        else if (roll < 60) {
            data.append("HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\nServer: Microsoft-IIS/").append(random.nextBoolean() ? "10.0" : "8.5")
                    .append("\\r\\nX-Powered-By: ASP.NET\\r\\nAccept-Ranges: bytes\\r\\nContent-Length: 703\\r\\n\\r\\n");
            title = "IIS Windows Server";
        }
        else if (roll < 90) {
            data.append("HTTP/1.1 200 OK\\r\\nServer: ").append(random.nextBoolean() ? "nginx/1.24.0" : "Apache/2.4.58 (Ubuntu)")
                    .append("\\r\\nContent-Type: text/html\\r\\nConnection: keep-alive\\r\\nContent-Length: 612\\r\\n\\r\\n");
            title = "Welcome";
        }
        else {
            data.append("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\\n");
            port = 22;
            title = null;
        }
        line.append("{\"ip\":").append(ip).append(",\"ip_str\":\"").append(address).append("\",\"port\":").append(port)
                .append(",\"transport\":\"tcp\",\"timestamp\":\"2025-07-21T09:14:02.118274\",\"hash\":").append(random.nextInt())
                .append(",\"org\":\"Organisation ").append(index % 5000).append("\",\"isp\":\"ExampleNet\",\"asn\":\"").append(asn)
                .append("\",\"hostnames\":[\"").append(host).append("\"],\"domains\":[\"example.org\"],\"location\":{\"country_code\":\"")
                .append(country).append("\",\"city\":\"Springfield\"},\"data\":\"").append(data).append('"');
        if (title != null) {
            line.append(",\"http\":{\"status\":200,\"title\":\"").append(title).append("\",\"host\":\"").append(host)
                    .append("\",\"components\":{}}");
        }
        line.append(",\"_shodan\":{\"module\":\"").append(port == 22 ? "ssh" : "https").append("\",\"id\":\"").append(guid(random)).append("\"}}");
    }

    private static String guid(SplittableRandom random)
    {
        return String.format(Locale.ROOT, "%08x-%04x-%04x-%04x-%012x", random.nextInt(), random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextLong(0x1000000000000L));
    }
}
