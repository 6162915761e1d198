package dev.tradecraft.server.web;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files served under {@code /static/}, read from one classpath folder. A name is accepted only if
 * it is a plain file name of lower-case letters, digits and dashes with a known extension, so no
 * request (encoded or not) can name a path outside the folder.
 */
final class StaticAssets
{
    /** A served file: its bytes and content type. */
    record Asset(byte[] bytes, String contentType)
    {
        Asset
        {
            requireNonNull(bytes, "bytes is null");
            requireNonNull(contentType, "contentType is null");
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(css|svg|png)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png");

    private final String folder;

    /** @param folder a classpath folder with a trailing slash, e.g. {@code dev/tradecraft/server/web/static/} */
    StaticAssets(String folder)
    {
        this.folder = requireNonNull(folder, "folder is null");
    }

    /** The asset named {@code name}, or empty when the name is not a plain file name or no such file exists. */
    Optional<Asset> find(String name)
    {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(folder + name)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(in.readAllBytes(), TYPES.get(extension)));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + name, e);
        }
    }
}
