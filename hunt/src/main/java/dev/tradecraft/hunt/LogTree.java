package dev.tradecraft.hunt;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.core.Origin;

/**
 * Finds the files under hunt roots and names their organisation and host from the layout
 * {@code <root>/<organisation>/<host>/…files…}: the first folder under a root is the
 * organisation, the second the host, and anything deeper belongs to that host. With a fixed
 * organisation ({@code --org NAME}) the root is that organisation and its first folder the host.
 *
 * <p>Files that sit higher than the layout expects are kept, not dropped: a file directly in a
 * root belongs to an organisation named after the root folder, a file directly in an organisation
 * folder to host {@value Origin#UNKNOWN_HOST}. Hidden files and folders (name starting with a dot)
 * are skipped. The order is stable: roots as given, then paths sorted.
 */
public final class LogTree
{
    private LogTree() {}

    public static List<LogFile> discover(List<Path> roots, Optional<String> fixedOrganisation) throws IOException
    {
        requireNonNull(roots, "roots is null");
        requireNonNull(fixedOrganisation, "fixedOrganisation is null");
        List<LogFile> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new IOException("hunt root does not exist: " + root);
            }
            Path normalisedRoot = root.toAbsolutePath().normalize();
            if (Files.isRegularFile(normalisedRoot)) {
                String organisation = fixedOrganisation.orElse(folderName(normalisedRoot.getParent()));
                files.add(new LogFile(normalisedRoot, normalisedRoot.getFileName().toString(),
                        new Origin(organisation, Origin.UNKNOWN_HOST), Files.size(normalisedRoot)));
                continue;
            }
            List<Path> found = new ArrayList<>();
            Files.walkFileTree(normalisedRoot, new SimpleFileVisitor<>()
            {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                {
                    if (!dir.equals(normalisedRoot) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                {
                    if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            found.sort(Comparator.comparing(Path::toString));
            String rootName = folderName(normalisedRoot);
            for (Path file : found) {
                Path relative = normalisedRoot.relativize(file);
                String displayName = rootName + "/" + relative.toString().replace('\\', '/');
                files.add(new LogFile(file, displayName, originOf(relative, rootName, fixedOrganisation), Files.size(file)));
            }
        }
        return files;
    }

    static Origin originOf(Path relative, String rootName, Optional<String> fixedOrganisation)
    {
        int folders = relative.getNameCount() - 1;
        if (fixedOrganisation.isPresent()) {
            String host = folders >= 1 ? relative.getName(0).toString() : Origin.UNKNOWN_HOST;
            return new Origin(fixedOrganisation.get(), host);
        }
        if (folders == 0) {
            return new Origin(rootName, Origin.UNKNOWN_HOST);
        }
        String organisation = relative.getName(0).toString();
        String host = folders >= 2 ? relative.getName(1).toString() : Origin.UNKNOWN_HOST;
        return new Origin(organisation, host);
    }

    private static String folderName(Path folder)
    {
        if (folder == null || folder.getFileName() == null) {
            return "root";
        }
        return folder.getFileName().toString();
    }
}
