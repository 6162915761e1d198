package dev.tradecraft.exposure.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.core.SourcePosition;

/**
 * The fields of one banner while a record is read, reused from record to record. Scan formats
 * give fields in any order (the address after the services, say), so decoders fill a draft and
 * build the immutable {@link Banner} only when the record is complete.
 */
final class BannerDraft
{
    static final int NO_PORT = -1;
    static final int NO_STATUS = -1;

    String address;
    int port = NO_PORT;
    String transport;
    Instant observed;
    final List<String> hostnames = new ArrayList<>();
    String organisation;
    String asn;
    String country;
    int httpStatus = NO_STATUS;
    final List<HttpHeaders.Header> headers = new ArrayList<>();
    String title;
    String body;
    String product;
    String version;
    final List<String> cpes = new ArrayList<>();
    String rawBanner;
    long line;

    void reset()
    {
        address = null;
        port = NO_PORT;
        transport = null;
        observed = null;
        hostnames.clear();
        organisation = null;
        asn = null;
        country = null;
        httpStatus = NO_STATUS;
        headers.clear();
        title = null;
        body = null;
        product = null;
        version = null;
        cpes.clear();
        rawBanner = null;
        line = 0;
    }

    /** Takes what a host-level record says about every one of its services. */
    void copyHost(BannerDraft host)
    {
        address = host.address;
        if (observed == null) {
            observed = host.observed;
        }
        for (String hostname : host.hostnames) {
            addHostname(hostname);
        }
        organisation = host.organisation;
        asn = host.asn;
        country = host.country;
    }

    void addHostname(String hostname)
    {
        if (hostname != null && !hostname.isBlank() && !hostnames.contains(hostname)) {
            hostnames.add(hostname);
        }
    }

    void addCpe(String cpe)
    {
        if (cpe != null && !cpe.isBlank() && !cpes.contains(cpe)) {
            cpes.add(cpe);
        }
    }

    Banner build(ScanFormat format, SourcePosition position)
    {
        return new Banner(
                format.source(),
                position,
                address,
                port,
                transport == null || transport.isBlank() ? "tcp" : transport,
                Optional.ofNullable(observed),
                hostnames,
                present(organisation),
                Optional.ofNullable(asn),
                Optional.ofNullable(country),
                httpStatus == NO_STATUS ? Optional.empty() : Optional.of(httpStatus),
                headers.isEmpty() ? HttpHeaders.NONE : new HttpHeaders(headers),
                present(title),
                present(body),
                present(product),
                present(version),
                cpes,
                present(rawBanner));
    }

    private static Optional<String> present(String value)
    {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
