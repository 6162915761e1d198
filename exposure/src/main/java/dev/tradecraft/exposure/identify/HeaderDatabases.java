package dev.tradecraft.exposure.identify;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.exposure.fingerprint.RecogDatabase;
import dev.tradecraft.exposure.fingerprint.RecogDatabases;

/**
 * The {@code http_header.<name>} databases, found by a header name as a server sent it, in any
 * case. Every header of every banner is looked up here, and a banner's header names are fresh
 * strings, so the index avoids hashing and lower-casing them: names are bucketed by length and
 * compared character by character, folding A-Z, against the few dozen header databases there are.
 * Header names are ASCII tokens (RFC 9110); a name with any other character (which only a scanner's
 * JSON could carry) matches no database, and neither does a database key that is not ASCII.
 */
final class HeaderDatabases
{
    private static final String PREFIX = "http_header.";

    private record Entry(String name, RecogDatabase database) {}

    /** ASCII names by length. */
    private final Entry[][] byLength;

    HeaderDatabases(RecogDatabases databases)
    {
        requireNonNull(databases, "databases is null");
        Map<String, RecogDatabase> named = new HashMap<>();
        int longest = 0;
        for (RecogDatabase database : databases.all()) {
            String key = database.matches();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String name = key.substring(PREFIX.length());
            // Looked up by the lower-cased header name, as Recog does; the first database of a key wins, as in forKey.
            if (!name.isEmpty() && name.equals(name.toLowerCase(Locale.ROOT)) && databases.forKey(key).orElse(null) == database) {
                named.put(name, database);
                if (isAscii(name)) {
                    longest = Math.max(longest, name.length());
                }
            }
        }
        List<List<Entry>> buckets = new ArrayList<>();
        for (int length = 0; length <= longest; length++) {
            buckets.add(new ArrayList<>());
        }
        named.forEach((name, database) -> {
            if (isAscii(name)) {
                buckets.get(name.length()).add(new Entry(name, database));
            }
        });
        byLength = new Entry[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            byLength[length] = buckets.get(length).toArray(new Entry[0]);
        }
    }

    /** The database for the header, if there is one. */
    Optional<RecogDatabase> forHeader(String name)
    {
        RecogDatabase database = findAscii(name);
        return database == null ? Optional.empty() : Optional.of(database);
    }

    private RecogDatabase findAscii(String name)
    {
        if (name.length() >= byLength.length) {
            return null;
        }
        for (Entry entry : byLength[name.length()]) {
            if (equalsLowerCased(entry.name(), name)) {
                return entry.database();
            }
        }
        return null;
    }

    /** Whether {@code name} with A-Z lower-cased is {@code lower} (ASCII), without building the lower-cased string. */
    private static boolean equalsLowerCased(String lower, String name)
    {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String name)
    {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
