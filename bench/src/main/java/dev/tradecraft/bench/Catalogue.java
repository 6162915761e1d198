package dev.tradecraft.bench;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;

/**
 * The vocabulary of the synthetic world: addresses, user agents, exploit request shapes, webshell
 * names, tools and hashes, drawn from one seeded random source. Values that many actors share in
 * the real campaign (the published webshell names and request, vendor binaries, library user
 * agents, the default form of a discovery command) are shared here too, as one
 * {@link Observable} instance each.
 */
final class Catalogue
{
    /** Request shapes published with the first indicators and the public proof of concept (content/campaigns). */
    static final List<String> PUBLIC_VARIANTS = List.of(
            "POST layouts=15 slash=no referer=relative-signout query=a=/toolpane.aspx&displaymode=edit",
            "POST layouts=15 slash=yes referer=relative-signout query=a=/toolpane.aspx&displaymode=edit");
    /** Webshell names named in write-ups and community hunting scripts (toolshell.md §1.3). */
    static final List<String> KNOWN_SHELLS = List.of("spinstall0.aspx", "spinstall.aspx", "spinstall1.aspx", "spinstall2.aspx", "debug_dev.js",
            "xxx.aspx", "3plx.aspx", "info.js", "spinstaller.aspx", "layout2sp.aspx");
    static final List<String> LIBRARY_AGENTS = List.of("python-requests/2.31.0", "python-requests/2.32.3", "curl/8.5.0", "curl/7.81.0",
            "Go-http-client/1.1");
    static final String FIREFOX_120 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";
    static final String LAYOUTS_FOLDER = "C:\\Program Files\\Common Files\\Microsoft Shared\\Web Server Extensions\\16\\TEMPLATE\\LAYOUTS\\";

    private static final List<String> SHELL_STEMS = List.of("help", "error", "signin", "start", "upload", "img", "auth", "default", "tpl",
            "debug", "page", "view", "login", "cache");
    private static final List<String> DOMAIN_WORDS = List.of("update", "cdn", "static", "msupdate", "telemetry", "sync", "api", "files",
            "portal", "cloud");
    private static final List<String> TLDS = List.of("com", "net", "org", "xyz", "top", "online", "info");
    private static final List<String> REFERERS = List.of("relative-signout", "relative-15/signout", "absolute-signout", "none", "relative-other");
    private static final List<String> QUERIES = List.of("a=/toolpane.aspx&displaymode=edit", "a=/toolpane.aspx&displaymode=edit&x=1",
            "displaymode=edit");

    private final SplittableRandom random;
    private final Set<String> addresses = new HashSet<>();
    private final Map<String, Observable> shared = new HashMap<>();
    private final Map<String, String> stableHashes = new HashMap<>();

    Catalogue(SplittableRandom random)
    {
        this.random = requireNonNull(random, "random is null");
    }

    SplittableRandom random()
    {
        return random;
    }

    /** One shared instance per distinct value: equal artefacts cost memory once. */
    Observable shared(ObservableType type, String value)
    {
        String key = type.label() + "\u0000" + value;
        Observable known = shared.get(key);
        if (known == null) {
            known = new Observable(type, value);
            shared.put(key, known);
        }
        return known;
    }

    /** A routable IPv4 address not handed out before (no private, loopback, CGNAT, benchmark or documentation ranges). */
    String address()
    {
        while (true) {
            int first = 1 + random.nextInt(223);
            if (first == 10 || first == 100 || first == 127 || first == 169 || first == 172 || first == 192 || first == 198) {
                continue;
            }
            String address = first + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            if (addresses.add(address)) {
                return address;
            }
        }
    }

    /** {@code count} addresses of one /24, as a scanning network has (at most 254). */
    String[] block(int count)
    {
        while (true) {
            int first = 1 + random.nextInt(223);
            if (first == 10 || first == 100 || first == 127 || first == 169 || first == 172 || first == 192 || first == 198) {
                continue;
            }
            String prefix = first + "." + random.nextInt(256) + "." + random.nextInt(256) + ".";
            String[] block = new String[Math.min(count, 254)];
            int start = 1 + random.nextInt(255 - block.length);
            boolean free = true;
            for (int i = 0; i < block.length; i++) {
                block[i] = prefix + (start + i);
                free &= !addresses.contains(block[i]);
            }
            if (!free) {
                continue;
            }
            for (String address : block) {
                addresses.add(address);
            }
            return block;
        }
    }

    /** A browser user agent, versions drawn so that two actors rarely send the same string. */
    String browserAgent()
    {
        int kind = random.nextInt(4);
        int major = 100 + random.nextInt(30);
        if (kind == 0) {
            return "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + major + ".0) Gecko/20100101 Firefox/" + major + ".0";
        }
        String build = major + ".0." + (5000 + random.nextInt(2000)) + "." + random.nextInt(200);
        if (kind == 1) {
            return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + build + " Safari/537.36";
        }
        if (kind == 2) {
            return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + build + " Safari/537.36";
        }
        return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + build + " Safari/537.36 Edg/" + build;
    }

    String libraryAgent()
    {
        return LIBRARY_AGENTS.get(random.nextInt(LIBRARY_AGENTS.size()));
    }

    /** An exploit request shape in the form {@code RequestVariants} gives it; {@code published} picks a public one. */
    String variant(boolean published)
    {
        if (published) {
            return PUBLIC_VARIANTS.get(random.nextInt(PUBLIC_VARIANTS.size()));
        }
        String layouts = random.nextInt(4) == 0 ? "16" : "15";
        String slash = random.nextBoolean() ? "yes" : "no";
        return "POST layouts=" + layouts + " slash=" + slash + " referer=" + REFERERS.get(random.nextInt(REFERERS.size()))
                + " query=" + QUERIES.get(random.nextInt(QUERIES.size()));
    }

    /** A webshell name: one of the known ones, or one of the actor's own. */
    String webshellName(boolean known)
    {
        if (known) {
            return KNOWN_SHELLS.get(random.nextInt(KNOWN_SHELLS.size()));
        }
        return SHELL_STEMS.get(random.nextInt(SHELL_STEMS.size())) + hex(4) + (random.nextInt(5) == 0 ? ".ashx" : ".aspx");
    }

    String domain()
    {
        return DOMAIN_WORDS.get(random.nextInt(DOMAIN_WORDS.size())) + "." + hex(6) + "-" + DOMAIN_WORDS.get(random.nextInt(DOMAIN_WORDS.size()))
                + "." + TLDS.get(random.nextInt(TLDS.size()));
    }

    /** A SHA-256 in hex: a hash or fingerprint nobody else has. */
    String sha256()
    {
        return hex(64);
    }

    /**
     * A hash that is the same wherever it is drawn for the same key: the default command line of a
     * tool, a vendor binary. Drawn on first use, so the world stays a function of the seed.
     */
    String stableHash(String key)
    {
        String hash = stableHashes.get(key);
        if (hash == null) {
            hash = sha256();
            stableHashes.put(key, hash);
        }
        return hash;
    }

    /** The request-size bucket (256 bytes wide) of a payload of about {@code size} bytes. */
    static String sizeBucket(int size)
    {
        int low = size / 256 * 256;
        return low + "-" + (low + 255);
    }

    private String hex(int digits)
    {
        char[] text = new char[digits];
        for (int i = 0; i < digits; i++) {
            text[i] = Character.forDigit(random.nextInt(16), 16);
        }
        return new String(text);
    }

    /** Uniform in [low, high]. */
    int between(int low, int high)
    {
        return low + random.nextInt(high - low + 1);
    }

    long between(long low, long high)
    {
        return low + random.nextLong(high - low + 1);
    }

    boolean chance(double probability)
    {
        return random.nextDouble() < probability;
    }

    /** Log-uniform in [low, high]: many small values, a few large ones. */
    int logUniform(int low, int high)
    {
        if (high <= low) {
            return low;
        }
        double value = Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high + 1.0) - Math.log(low)));
        return Math.min(high, (int) value);
    }
}
