package dev.tradecraft.exposure.probe;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;

/**
 * One service to probe.
 *
 * @param host an IPv4 literal, an IPv6 literal without brackets, or a DNS name
 * @param port TCP port
 * @param tls whether to speak HTTPS
 * @param line the line of the scope file that named the target; 0 when it came from elsewhere
 */
public record ProbeTarget(String host, int port, boolean tls, int line)
{
    public ProbeTarget
    {
        checkNotBlank(host, "host");
        String problem = Hosts.problem(host);
        checkArgument(problem == null, "host '%s' is not usable: %s", host, problem);
        checkArgument(port >= 1 && port <= 65535, "port must be in [1,65535]: %s", port);
        checkArgument(line >= 0, "line is negative: %s", line);
    }

    public ProbeTarget(String host, int port, boolean tls)
    {
        this(host, port, tls, 0);
    }

    /** The host and port as a Host header carries them: brackets around IPv6, the port only when not the scheme's default. */
    public String authority()
    {
        String bracketed = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        int defaultPort = tls ? 443 : 80;
        return port == defaultPort ? bracketed : bracketed + ":" + port;
    }

    @Override
    public String toString()
    {
        String bracketed = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (tls ? "https://" : "http://") + bracketed + ":" + port;
    }
}
