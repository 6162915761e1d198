package dev.tradecraft.exposure.probe;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What an active probe may touch, and who said so. An active check is only for services the
 * operator is authorised to test, so a scope without an authorisation or without a target is
 * refused rather than guessed at.
 *
 * <p>Scope file format, UTF-8 text, one entry per line:
 * <ul>
 * <li>Blank lines and lines starting with {@code #} are ignored; on a target line, {@code #} after
 * a space starts a comment.</li>
 * <li>The first other line must be {@code authorised-by: <text>} (also spelt {@code authorized-by},
 * any case): who authorised the scan, free text such as a name and a ticket. A scope without it
 * is refused; a second one is reported and ignored.</li>
 * <li>Then one target per line:
 * <ul>
 * <li>{@code host} or {@code host:port}: HTTPS, port 443 by default (a bare {@code host:80} is
 * still HTTPS; write {@code http://} for plain HTTP);</li>
 * <li>{@code https://host[:port]} (443 by default) or {@code http://host[:port]} (plain HTTP, 80
 * by default); a lone trailing {@code /} is allowed, a path is not;</li>
 * <li>{@code host} is a DNS name, an IPv4 address, or an IPv6 address in brackets:
 * {@code [2001:db8::10]:8443};</li>
 * <li>an IPv4 CIDR block of at most 1024 addresses, {@code 192.0.2.0/24}, optionally with a
 * scheme and a port ({@code http://192.0.2.0/24:8080}); it expands to every address in the block,
 * network and broadcast addresses included. Blocks larger than /22 and blocks with host bits set
 * are refused for that line.</li>
 * </ul></li>
 * </ul>
 * A bad line is reported as {@code file:line: message} in {@link #problems()} and skipped; the
 * other lines still count. A target listed twice (by host and port) is probed once. A scope with
 * no usable target is refused.
 *
 * @param targets the targets in file order, without duplicates
 * @param authorisation who authorised the scan, as written
 * @param file the scope file, named in every position
 * @param problems the lines that were skipped
 */
public record ProbeScope(List<ProbeTarget> targets, String authorisation, Path file, List<ScopeProblem> problems)
{
    public ProbeScope
    {
        targets = List.copyOf(requireNonNull(targets, "targets is null"));
        checkArgument(!targets.isEmpty(), "targets is empty");
        checkNotBlank(authorisation, "authorisation");
        requireNonNull(file, "file is null");
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    public ProbeScope(List<ProbeTarget> targets, String authorisation, Path file)
    {
        this(targets, authorisation, file, List.of());
    }

    /** Reads and checks a scope file; see the class description for the format. */
    public static ProbeScope read(Path file)
            throws ProbeException
    {
        return ScopeReader.read(file);
    }
}
