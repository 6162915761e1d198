package dev.tradecraft.exposure.scan;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.core.SourcePosition;

/**
 * One service as a scanner saw it, whatever the scanner: where it is, whose it is, and what it
 * answered. Everything a fingerprint may look at is here; the scan formats stay in their readers.
 *
 * @param source the scanner or reader: {@code shodan}, {@code censys}, {@code nmap}, {@code zgrab2}, {@code masscan}, {@code probe}
 * @param position file and line or record of the scan data
 * @param address IP address as text
 * @param port port number
 * @param transport {@code tcp} or {@code udp}
 * @param observed when the scanner saw it
 * @param hostnames names for the address (PTR, certificate, Host header), as given
 * @param organisation the holder of the address, as the scan data names it
 * @param asn autonomous system, written {@code AS64500}
 * @param country ISO 3166 alpha-2 code
 * @param httpStatus the HTTP status, when the service answered HTTP
 * @param headers the HTTP response headers (empty when none)
 * @param title the HTML title
 * @param body the start of the HTML body, when the scan kept it (readers cap it)
 * @param product the scanner's own product guess (Shodan {@code product}, nmap {@code service@product}, Censys software)
 * @param version the scanner's own version guess
 * @param cpes CPE names the scanner gave
 * @param rawBanner a non-HTTP banner or the raw response text, when that is all there is
 */
public record Banner(
        String source,
        SourcePosition position,
        String address,
        int port,
        String transport,
        Optional<Instant> observed,
        List<String> hostnames,
        Optional<String> organisation,
        Optional<String> asn,
        Optional<String> country,
        Optional<Integer> httpStatus,
        HttpHeaders headers,
        Optional<String> title,
        Optional<String> body,
        Optional<String> product,
        Optional<String> version,
        List<String> cpes,
        Optional<String> rawBanner)
{
    public Banner
    {
        checkNotBlank(source, "source");
        requireNonNull(position, "position is null");
        checkNotBlank(address, "address");
        checkArgument(port >= 0 && port <= 65535, "port must be in [0,65535]: %s", port);
        requireNonNull(transport, "transport is null");
        requireNonNull(observed, "observed is null");
        hostnames = List.copyOf(requireNonNull(hostnames, "hostnames is null"));
        requireNonNull(organisation, "organisation is null");
        requireNonNull(asn, "asn is null");
        requireNonNull(country, "country is null");
        requireNonNull(httpStatus, "httpStatus is null");
        requireNonNull(headers, "headers is null");
        requireNonNull(title, "title is null");
        requireNonNull(body, "body is null");
        requireNonNull(product, "product is null");
        requireNonNull(version, "version is null");
        cpes = List.copyOf(requireNonNull(cpes, "cpes is null"));
        requireNonNull(rawBanner, "rawBanner is null");
    }
}
