package dev.tradecraft.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A generated world read back for the tests: every log line and event per organisation, and file digests. */
final class WorldContents
{
    /** One event document with the host folder it came from. */
    record HostEvent(String host, Path file, Object document, long time)
    {
        String data(String field)
        {
            return JsonDocuments.text(document, "Event", "EventData", field);
        }

        long eventId()
        {
            return (Long) JsonDocuments.at(document, "Event", "System", "EventID");
        }
    }

    final Map<String, List<W3cLogFile>> logs = new TreeMap<>();
    final Map<String, List<HostEvent>> events = new TreeMap<>();
    final List<Path> eventFiles = new ArrayList<>();

    static WorldContents read(World world) throws IOException
    {
        WorldContents contents = new WorldContents();
        for (Path file : files(world.webLogs())) {
            String organisation = world.webLogs().relativize(file).getName(0).toString();
            contents.logs.computeIfAbsent(organisation, key -> new ArrayList<>()).add(W3cLogFile.read(file));
        }
        for (Path file : files(world.events())) {
            Path relative = world.events().relativize(file);
            String organisation = relative.getName(0).toString();
            String host = relative.getName(1).toString();
            contents.eventFiles.add(file);
            List<HostEvent> list = contents.events.computeIfAbsent(organisation, key -> new ArrayList<>());
            for (Object document : JsonDocuments.read(file)) {
                long time = Instant.parse(JsonDocuments.text(document, "Event", "System", "TimeCreated", "#attributes",
                        "SystemTime")).toEpochMilli();
                list.add(new HostEvent(host, file, document, time));
            }
        }
        return contents;
    }

    List<W3cLogFile.Line> lines(String organisation)
    {
        List<W3cLogFile.Line> lines = new ArrayList<>();
        for (W3cLogFile log : logs.getOrDefault(organisation, List.of())) {
            lines.addAll(log.lines);
        }
        return lines;
    }

    List<HostEvent> events(String organisation)
    {
        return events.getOrDefault(organisation, List.of());
    }

    /** The exploit request of toolshell.md §1.2: POST to ToolPane.aspx with the edit query and the SignOut referer. */
    static boolean isExploitRequest(W3cLogFile.Line line)
    {
        return line.get("cs-method").equals("POST")
                && line.get("cs-uri-stem").toLowerCase(Locale.ROOT).contains("/toolpane.aspx")
                && line.get("cs-uri-query").contains("DisplayMode=Edit&a=/ToolPane.aspx")
                && line.get("cs(Referer)").contains("/_layouts/SignOut.aspx");
    }

    static boolean isWebshellServed(W3cLogFile.Line line)
    {
        return line.get("cs-method").equals("GET")
                && line.get("cs-uri-stem").matches("/_layouts/1[56]/(spinstall[0-9]*\\.aspx|debug_dev\\.js)")
                && line.get("sc-status").equals("200");
    }

    static boolean isKeyUse(W3cLogFile.Line line)
    {
        return line.get("cs-uri-query").contains("__VIEWSTATE=") && line.get("sc-status").equals("200");
    }

    /** w3wp starting a shell, or a webshell written to LAYOUTS. */
    static boolean isPostExploitation(HostEvent event)
    {
        String parent = (event.data("ParentImage") + event.data("ParentProcessName")).toLowerCase(Locale.ROOT);
        String image = (event.data("Image") + event.data("NewProcessName")).toLowerCase(Locale.ROOT);
        boolean shellFromWorker = (event.eventId() == 1 || event.eventId() == 4688) && parent.endsWith("\\w3wp.exe")
                && (image.endsWith("\\cmd.exe") || image.endsWith("\\powershell.exe"));
        boolean shellWritten = event.eventId() == 11
                && event.data("TargetFilename").matches("(?i).*\\\\TEMPLATE\\\\LAYOUTS\\\\spinstall[0-9]*\\.aspx");
        return shellFromWorker || shellWritten;
    }

    /** SHA-256 of every file under {@code root}, by relative path. */
    static Map<String, String> digests(Path root) throws IOException
    {
        Map<String, String> digests = new TreeMap<>();
        for (Path file : files(root)) {
            digests.put(root.relativize(file).toString(), sha256(file));
        }
        return digests;
    }

    static List<Path> files(Path root) throws IOException
    {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
