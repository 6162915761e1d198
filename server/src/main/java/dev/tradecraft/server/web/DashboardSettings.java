package dev.tradecraft.server.web;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

/**
 * Where the dashboard listens and the token it asks for.
 *
 * @param bindAddress the address to listen on; the loopback address by default, so only this machine can connect
 * @param port the TCP port; 0 takes any free port
 * @param token what every request must carry
 */
public record DashboardSettings(String bindAddress, int port, Token token)
{
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public DashboardSettings
    {
        checkNotBlank(bindAddress, "bindAddress");
        checkArgument(port >= 0 && port <= 65535, "port must be in [0,65535]: %s", port);
        requireNonNull(token, "token is null");
    }

    /** 127.0.0.1:8080 with {@code token}. */
    public static DashboardSettings defaults(Token token)
    {
        return new DashboardSettings(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, token);
    }
}
