package dev.tradecraft.exposure.probe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tradecraft.core.SourcePosition;

/** Reads the scope file format described on {@link ProbeScope}. */
final class ScopeReader
{
    static final int MAX_LINE_CHARS = 2048;
    static final int MAX_TARGETS = 65_536;
    static final int SMALLEST_PREFIX = 22;
    private static final List<String> AUTHORISATION_KEYS = List.of("authorised-by:", "authorized-by:");

    private final Path file;
    private final String display;
    private final List<ProbeTarget> targets = new ArrayList<>();
    private final List<ScopeProblem> problems = new ArrayList<>();
    // host:port → the line that first listed it
    private final Map<String, Integer> firstLines = new HashMap<>();
    private String authorisation;
    private int authorisationLine;

    private ScopeReader(Path file)
    {
        this.file = file;
        this.display = file.toString();
    }

    static ProbeScope read(Path file)
            throws ProbeException
    {
        requireNonNull(file, "file is null");
        ScopeReader reader = new ScopeReader(file);
        // Undecodable bytes become U+FFFD, which no host accepts, so they surface as a bad line.
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            int number = 0;
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                reader.line(number, line);
            }
        }
        catch (IOException e) {
            throw new ProbeException(file, reader.display + ": cannot read the scope file: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return reader.finish();
    }

    private void line(int number, String text)
            throws ProbeException
    {
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String content = text.strip();
        if (content.isEmpty() || content.charAt(0) == '#') {
            return;
        }
        String authorisedBy = authorisationValue(content);
        if (authorisation == null) {
            if (authorisedBy == null) {
                throw refuse(number, "the first line that is not a comment must be 'authorised-by: <who authorised this scan>'");
            }
            if (authorisedBy.isEmpty()) {
                throw refuse(number, "'authorised-by:' names nobody");
            }
            authorisation = authorisedBy;
            authorisationLine = number;
            return;
        }
        if (authorisedBy != null) {
            problem(number, "second authorised-by line ignored; the one at line " + authorisationLine + " stands");
            return;
        }
        if (content.length() > MAX_LINE_CHARS) {
            problem(number, "line longer than " + MAX_LINE_CHARS + " characters");
            return;
        }
        target(number, withoutComment(content));
    }

    private static String authorisationValue(String content)
    {
        for (String key : AUTHORISATION_KEYS) {
            if (content.regionMatches(true, 0, key, 0, key.length())) {
                return content.substring(key.length()).strip();
            }
        }
        return null;
    }

    private static String withoutComment(String content)
    {
        for (int i = 1; i < content.length(); i++) {
            if (content.charAt(i) == '#' && Character.isWhitespace(content.charAt(i - 1))) {
                return content.substring(0, i).strip();
            }
        }
        return content;
    }

    private void target(int number, String spec)
            throws ProbeException
    {
        String rest = spec;
        boolean tls = true;
        int port = 443;
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            rest = spec.substring("https://".length());
        }
        else if (lower.startsWith("http://")) {
            rest = spec.substring("http://".length());
            tls = false;
            port = 80;
        }
        else if (spec.contains("://")) {
            problem(number, spec, "unsupported scheme; use https:// or http://");
            return;
        }
        // A URL's root path is harmless; any other path is not part of a target.
        if (rest.length() > 1 && rest.endsWith("/") && rest.indexOf('/') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty()) {
            problem(number, spec, "no host");
            return;
        }
        for (int i = 0; i < rest.length(); i++) {
            if (Character.isWhitespace(rest.charAt(i))) {
                problem(number, spec, "one target per line; a target has no spaces");
                return;
            }
        }

        String hostPart;
        String portText = null;
        if (rest.charAt(0) == '[') {
            int close = rest.indexOf(']');
            if (close < 0) {
                problem(number, spec, "'[' without ']'");
                return;
            }
            hostPart = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    problem(number, spec, "expected ':port' after ']'");
                    return;
                }
                portText = after.substring(1);
            }
            if (hostPart.indexOf(':') < 0) {
                problem(number, spec, "brackets are for IPv6 addresses only");
                return;
            }
        }
        else {
            int colon = rest.indexOf(':');
            if (colon >= 0 && rest.indexOf(':', colon + 1) >= 0) {
                problem(number, spec, "write IPv6 addresses in brackets, as in [2001:db8::10]:443");
                return;
            }
            hostPart = colon < 0 ? rest : rest.substring(0, colon);
            portText = colon < 0 ? null : rest.substring(colon + 1);
        }
        if (portText != null) {
            port = parsePort(portText);
            if (port < 0) {
                problem(number, spec, "port must be a number in [1,65535]");
                return;
            }
        }

        int slash = hostPart.indexOf('/');
        if (slash >= 0) {
            range(number, spec, hostPart.substring(0, slash), hostPart.substring(slash + 1), port, tls);
            return;
        }
        String host = hostPart.toLowerCase(Locale.ROOT);
        if (host.length() > 1 && host.endsWith(".") && Hosts.isName(host.substring(0, host.length() - 1))) {
            host = host.substring(0, host.length() - 1);
        }
        String why = Hosts.problem(host);
        if (why != null) {
            problem(number, spec, why);
            return;
        }
        Integer first = add(number, host, port, tls);
        if (first != null) {
            problem(number, spec, "already listed at line " + first + ", skipped");
        }
    }

    private void range(int number, String spec, String address, String prefixText, int port, boolean tls)
            throws ProbeException
    {
        long base = Hosts.parseIpv4(address);
        if (base < 0) {
            if (address.indexOf(':') >= 0 || address.indexOf('[') >= 0) {
                problem(number, spec, "IPv6 ranges are not supported; list the addresses one per line");
            }
            else {
                problem(number, spec, "a target is host[:port] or an IPv4 CIDR block; paths are not part of a target");
            }
            return;
        }
        int prefix = -1;
        if (!prefixText.isEmpty() && prefixText.length() <= 2) {
            prefix = 0;
            for (int i = 0; i < prefixText.length() && prefix >= 0; i++) {
                char c = prefixText.charAt(i);
                prefix = c >= '0' && c <= '9' ? prefix * 10 + (c - '0') : -1;
            }
        }
        if (prefix < 0 || prefix > 32) {
            problem(number, spec, "CIDR prefix must be a number in [" + SMALLEST_PREFIX + ",32]");
            return;
        }
        long size = 1L << (32 - prefix);
        if (prefix < SMALLEST_PREFIX) {
            problem(number, spec, "/" + prefix + " covers " + size + " addresses; at most /" + SMALLEST_PREFIX
                    + " (" + (1L << (32 - SMALLEST_PREFIX)) + " addresses) per line");
            return;
        }
        long network = base & ~(size - 1) & 0xffffffffL;
        if (network != base) {
            problem(number, spec, "host bits are set; the block is " + Hosts.formatIpv4(network) + "/" + prefix);
            return;
        }
        int duplicates = 0;
        Integer firstDuplicate = null;
        for (long i = 0; i < size; i++) {
            Integer first = add(number, Hosts.formatIpv4(base + i), port, tls);
            if (first != null) {
                duplicates++;
                if (firstDuplicate == null) {
                    firstDuplicate = first;
                }
            }
        }
        if (duplicates > 0) {
            problem(number, spec, duplicates + " of " + size + " addresses already listed (first at line " + firstDuplicate + "), skipped");
        }
    }

    /** Adds the target, or returns the line that already listed it. */
    private Integer add(int number, String host, int port, boolean tls)
            throws ProbeException
    {
        Integer first = firstLines.putIfAbsent(host + " " + port, number);
        if (first != null) {
            return first;
        }
        if (targets.size() == MAX_TARGETS) {
            throw refuse(number, "more than " + MAX_TARGETS + " targets; split the scope");
        }
        targets.add(new ProbeTarget(host, port, tls, number));
        return null;
    }

    private static int parsePort(String text)
    {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port >= 1 && port <= 65535 ? port : -1;
    }

    private ProbeScope finish()
            throws ProbeException
    {
        if (authorisation == null) {
            throw new ProbeException(file, display + ": no 'authorised-by:' line; a scope must say who authorised the scan");
        }
        if (targets.isEmpty()) {
            String detail = "";
            if (!problems.isEmpty()) {
                detail = " (" + problems.size() + (problems.size() == 1 ? " bad line" : " bad lines") + "; first: " + problems.get(0) + ")";
            }
            throw new ProbeException(file, display + ": no target to probe" + detail);
        }
        return new ProbeScope(targets, authorisation, file, problems);
    }

    private void problem(int number, String spec, String message)
    {
        problem(number, "'" + spec + "': " + message);
    }

    private void problem(int number, String message)
    {
        problems.add(new ScopeProblem(SourcePosition.line(display, number), message));
    }

    private ProbeException refuse(int number, String message)
    {
        return new ProbeException(file, display + ":" + number + ": " + message);
    }
}
