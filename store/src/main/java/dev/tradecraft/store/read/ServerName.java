package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A name or address an organisation's server answered on, as its hits' requests show it: the
 * {@code cs-host} the client asked for and the server's own {@code s-ip}.
 */
public record ServerName(String organisation, Optional<String> host, Optional<String> address)
{
    public ServerName
    {
        requireNonNull(organisation, "organisation is null");
        requireNonNull(host, "host is null");
        requireNonNull(address, "address is null");
    }
}
