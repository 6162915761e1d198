package dev.tradecraft.core;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the resources of one folder packed beside a class, the same way whether the class runs
 * from a build folder (tests) or from a jar (the shipped tool): how built-in content is found
 * without an index file to keep in step.
 */
public final class ClasspathFolder
{
    private ClasspathFolder() {}

    /**
     * Resource names ({@code folder/file}) directly in {@code folder} of the code source of
     * {@code anchor} whose names end with {@code suffix}, sorted.
     *
     * @param folder a folder path with a trailing slash, e.g. {@code content/rules/}
     */
    public static List<String> list(Class<?> anchor, String folder, String suffix)
    {
        requireNonNull(anchor, "anchor is null");
        requireNonNull(folder, "folder is null");
        requireNonNull(suffix, "suffix is null");
        URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
        List<String> names = new ArrayList<>();
        try {
            Path base = Path.of(location.toURI());
            if (Files.isDirectory(base)) {
                Path directory = base.resolve(folder);
                if (Files.isDirectory(directory)) {
                    try (Stream<Path> paths = Files.list(directory)) {
                        paths.filter(path -> path.getFileName().toString().endsWith(suffix))
                                .forEach(path -> names.add(folder + path.getFileName()));
                    }
                }
            }
            else {
                try (JarFile jar = new JarFile(base.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(folder) && name.indexOf('/', folder.length()) < 0 && name.endsWith(suffix)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " in " + location, e);
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + folder + " in " + location, e);
        }
        names.sort(String::compareTo);
        return names;
    }
}
