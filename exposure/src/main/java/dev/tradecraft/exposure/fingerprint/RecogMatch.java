package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a Recog fingerprint says about a matched text.
 *
 * @param database the database's {@code matches} key, e.g. {@code http_header.server} (the file's
 *        base name when the database declares none)
 * @param description the fingerprint's description, whitespace collapsed as Recog does
 * @param parameters Recog's assertions ({@code service.product}, {@code os.version}, {@code hw.device}…)
 *        in the fingerprint's param order, interpolation done; {@code service.protocol} comes from
 *        the database when the fingerprint does not set it. Capture groups that took no part in the
 *        match are absent (Recog reports them as nil).
 */
public record RecogMatch(String database, String description, Map<String, String> parameters)
{
    public RecogMatch
    {
        requireNonNull(database, "database is null");
        requireNonNull(description, "description is null");
        requireNonNull(parameters, "parameters is null");
        Map<String, String> copy = new LinkedHashMap<>(parameters.size() * 2);
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            copy.put(requireNonNull(entry.getKey(), "parameter name is null"),
                    requireNonNull(entry.getValue(), "parameter value is null"));
        }
        parameters = Collections.unmodifiableMap(copy);
    }

    /** The value of one parameter, e.g. {@code parameter("service.version")}. */
    public Optional<String> parameter(String name)
    {
        return Optional.ofNullable(parameters.get(name));
    }
}
