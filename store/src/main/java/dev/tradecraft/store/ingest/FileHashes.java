package dev.tradecraft.store.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Content hashes of input files, as the workspace keys them. */
public final class FileHashes
{
    private FileHashes() {}

    public static String sha256(Path file) throws IOException
    {
        MessageDigest digest = RowIds.sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
