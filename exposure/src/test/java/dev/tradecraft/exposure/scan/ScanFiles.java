package dev.tradecraft.exposure.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test files and a whole-file read through the public API, shared by the reader tests. */
final class ScanFiles
{
    /** Everything one read gave. */
    record Result(ScanFormat format, List<Banner> banners, List<ScanProblem> problems, long skipped)
    {
        Banner banner(int index)
        {
            return banners.get(index);
        }

        /** The banners read from one line of the file. */
        List<Banner> atLine(long line)
        {
            List<Banner> found = new ArrayList<>();
            for (Banner banner : banners) {
                if (banner.position().index() == line) {
                    found.add(banner);
                }
            }
            return found;
        }

        List<String> problemKinds()
        {
            List<String> kinds = new ArrayList<>();
            for (ScanProblem problem : problems) {
                kinds.add(problem.kind());
            }
            return kinds;
        }
    }

    private ScanFiles() {}

    static Path resource(String name)
    {
        URL url = ScanFiles.class.getResource("/scan/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource scan/" + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path directory, String name, String content) throws IOException
    {
        return write(directory, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path directory, String name, byte[] content) throws IOException
    {
        Path file = directory.resolve(name);
        Files.write(file, content);
        return file;
    }

    static byte[] gzip(byte[] content)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Result read(Path file) throws IOException, ScanException
    {
        return read(file, file.getFileName().toString());
    }

    static Result read(Path file, String displayName) throws IOException, ScanException
    {
        List<ScanProblem> problems = new ArrayList<>();
        List<Banner> banners = new ArrayList<>();
        try (BannerReader reader = ScanReaders.open(file, displayName, problems::add)) {
            while (reader.advance()) {
                banners.add(reader.current());
            }
            return new Result(reader.format(), banners, problems, reader.skipped());
        }
    }
}
