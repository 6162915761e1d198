package dev.tradecraft.hunt.ioc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;

/**
 * Matches events against a set of indicators. Immutable after construction and safe to share
 * between hunt threads.
 *
 * <p>Which fields an indicator type is looked for in is decided by the field's name (see
 * {@link FieldRole}), once per distinct name: IPs in client and forwarded-for fields, hashes in
 * Sysmon's {@code Hashes} and hash fields, file names in file and image paths (not in URLs, where
 * internet-wide webshell checks would make every scanned server look hit), domains in host fields
 * and as substrings of command lines and URLs, commands as substrings of command lines.
 */
public final class IocMatcher
{
    private final Map<String, IocIndicator> ips = new HashMap<>();
    private final Map<String, IocIndicator> hashes = new HashMap<>();
    private final Map<String, IocIndicator> domains = new LinkedHashMap<>();
    private final Map<String, IocIndicator> userAgents = new HashMap<>();
    private final Map<String, IocIndicator> fileNames = new HashMap<>();
    private final List<IocIndicator> commands = new ArrayList<>();
    private final List<IocIndicator> urls = new ArrayList<>();
    private final List<IocIndicator> indicators;
    // Lengths present among exact-text indicators: most values are ruled out without lower-casing them.
    private final BitSet userAgentLengths = new BitSet();
    private final Map<String, FieldRole> roles = new ConcurrentHashMap<>();
    private final Map<IocIndicator, String> lowerValues = new HashMap<>();
    private final String[] domainNeedles;
    private final IocIndicator[] domainIndicators;

    public IocMatcher(List<IocIndicator> indicators)
    {
        this.indicators = List.copyOf(requireNonNull(indicators, "indicators is null"));
        for (IocIndicator indicator : this.indicators) {
            String value = indicator.value();
            switch (indicator.type()) {
                case IP -> ips.putIfAbsent(value, indicator);
                case SHA256, SHA1, MD5 -> hashes.putIfAbsent(value, indicator);
                case DOMAIN -> domains.putIfAbsent(value, indicator);
                case USER_AGENT -> {
                    userAgents.putIfAbsent(value.toLowerCase(Locale.ROOT), indicator);
                    userAgentLengths.set(value.length());
                }
                case FILENAME -> fileNames.putIfAbsent(value.toLowerCase(Locale.ROOT), indicator);
                case COMMAND -> commands.add(indicator);
                case URL -> urls.add(indicator);
            }
            lowerValues.put(indicator, value.toLowerCase(Locale.ROOT));
        }
        domainIndicators = domains.values().toArray(new IocIndicator[0]);
        domainNeedles = new String[domainIndicators.length];
        for (int i = 0; i < domainIndicators.length; i++) {
            domainNeedles[i] = domainIndicators[i].value();
        }
    }

    public static IocMatcher empty()
    {
        return new IocMatcher(List.of());
    }

    public List<IocIndicator> indicators()
    {
        return indicators;
    }

    public boolean isEmpty()
    {
        return indicators.isEmpty();
    }

    /** Receives each indicator found, with the field and value it was found in. */
    @FunctionalInterface
    public interface Sink
    {
        void found(IocIndicator indicator, String field, String value);
    }

    public void match(Event event, Sink sink)
    {
        if (indicators.isEmpty()) {
            return;
        }
        EventFields fields = event.fields();
        for (int i = 0; i < fields.size(); i++) {
            String value = fields.value(i);
            if (value.isEmpty()) {
                continue;
            }
            String name = fields.name(i);
            FieldRole role = roles.get(name);
            if (role == null) {
                role = roles.computeIfAbsent(name, FieldRole::of);
            }
            switch (role) {
                case IP -> matchIps(name, value, sink);
                case HASHES -> matchHashes(name, value, sink);
                case HOST -> matchHost(name, value, sink);
                case USER_AGENT -> {
                    if (userAgentLengths.get(value.length())) {
                        matchExact(userAgents, name, value, sink);
                    }
                }
                case FILE_PATH -> matchFileName(name, value, sink);
                case COMMAND -> matchSubstrings(commands, name, value, sink);
                case URL -> matchSubstrings(urls, name, value, sink);
                case OTHER -> { }
            }
        }
    }

    private void matchIps(String name, String value, Sink sink)
    {
        if (ips.isEmpty()) {
            return;
        }
        // X-Forwarded-For holds a list; other fields one address, possibly with a port.
        int start = 0;
        int length = value.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? value.charAt(i) : ',';
            if (c == ',' || c == ' ' || c == ';') {
                if (i > start) {
                    String token = stripPort(value.substring(start, i));
                    String canonical = IpAddresses.canonical(token);
                    IocIndicator indicator = canonical == null ? null : ips.get(canonical);
                    if (indicator != null) {
                        sink.found(indicator, name, value);
                    }
                }
                start = i + 1;
            }
        }
    }

    private static String stripPort(String token)
    {
        int colon = token.indexOf(':');
        if (colon > 0 && colon == token.lastIndexOf(':')) {
            return token.substring(0, colon);
        }
        if (token.startsWith("[")) {
            int close = token.indexOf(']');
            if (close > 0) {
                return token.substring(1, close);
            }
        }
        return token;
    }

    private void matchHashes(String name, String value, Sink sink)
    {
        if (hashes.isEmpty()) {
            return;
        }
        // Sysmon writes "SHA1=…,MD5=…,SHA256=…,IMPHASH=…"; plain hash fields hold one value.
        int start = 0;
        int length = value.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? value.charAt(i) : ',';
            if (c == ',' || c == '=' || c == ' ' || c == ';') {
                int tokenLength = i - start;
                if (tokenLength == 32 || tokenLength == 40 || tokenLength == 64) {
                    IocIndicator indicator = hashes.get(value.substring(start, i).toLowerCase(Locale.ROOT));
                    if (indicator != null) {
                        sink.found(indicator, name, value);
                    }
                }
                start = i + 1;
            }
        }
    }

    private void matchHost(String name, String value, Sink sink)
    {
        if (domains.isEmpty()) {
            return;
        }
        String host = value.toLowerCase(Locale.ROOT);
        int colon = host.indexOf(':');
        if (colon > 0 && colon == host.lastIndexOf(':')) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        IocIndicator indicator = domains.get(host);
        if (indicator != null) {
            sink.found(indicator, name, value);
        }
    }

    private static void matchExact(Map<String, IocIndicator> set, String name, String value, Sink sink)
    {
        if (set.isEmpty()) {
            return;
        }
        IocIndicator indicator = set.get(value.toLowerCase(Locale.ROOT));
        if (indicator != null) {
            sink.found(indicator, name, value);
        }
    }

    private void matchFileName(String name, String value, Sink sink)
    {
        if (fileNames.isEmpty()) {
            return;
        }
        int slash = Math.max(value.lastIndexOf('\\'), value.lastIndexOf('/'));
        String base = value.substring(slash + 1).toLowerCase(Locale.ROOT);
        IocIndicator indicator = fileNames.get(base);
        if (indicator != null) {
            sink.found(indicator, name, value);
        }
    }

    /** Indicators (and every domain) that occur anywhere in the value, ignoring case. */
    private void matchSubstrings(List<IocIndicator> candidates, String name, String value, Sink sink)
    {
        if (candidates.isEmpty() && domainNeedles.length == 0) {
            return;
        }
        // One lower-cased copy per value, then the JDK's intrinsic indexOf for each needle.
        String lower = value.toLowerCase(Locale.ROOT);
        for (int i = 0; i < candidates.size(); i++) {
            if (lower.contains(lowerValues.get(candidates.get(i)))) {
                sink.found(candidates.get(i), name, value);
            }
        }
        for (int i = 0; i < domainNeedles.length; i++) {
            if (lower.contains(domainNeedles[i])) {
                sink.found(domainIndicators[i], name, value);
            }
        }
    }
}
