package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The response headers of a scanned HTTP service, in the order they were sent, with names looked
 * up case-insensitively (scanners lower-case them, servers do not). Values are kept as sent.
 */
public record HttpHeaders(List<Header> headers)
{
    public static final HttpHeaders NONE = new HttpHeaders(List.of());

    /** One header line. */
    public record Header(String name, String value)
    {
        public Header
        {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    public HttpHeaders
    {
        headers = List.copyOf(requireNonNull(headers, "headers is null"));
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name)
    {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of the header, in order. */
    public List<String> all(String name)
    {
        List<String> values = new ArrayList<>();
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    public boolean contains(String name)
    {
        return first(name).isPresent();
    }

    public boolean isEmpty()
    {
        return headers.isEmpty();
    }
}
