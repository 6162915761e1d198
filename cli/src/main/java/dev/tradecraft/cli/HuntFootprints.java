package dev.tradecraft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.tradecraft.core.Hit;
import dev.tradecraft.exposure.CrossReference;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.hunt.output.SummaryJson;

/** What the last hunt in a workspace knows of each organisation: its status, and the names and addresses its servers answered on. */
final class HuntFootprints
{
    private HuntFootprints() {}

    /** Empty when the workspace holds no hunt. */
    static Map<String, CrossReference.Footprint> load(Path workspace) throws IOException
    {
        Path summary = Workspace.lastHuntSummary(workspace);
        if (!Files.isRegularFile(summary)) {
            return Map.of();
        }
        Map<String, String> statuses;
        try (Reader reader = Files.newBufferedReader(summary, StandardCharsets.UTF_8)) {
            statuses = SummaryJson.readStatuses(reader);
        }
        Map<String, Set<String>> names = new HashMap<>();
        Map<String, Set<String>> addresses = new HashMap<>();
        Path hits = Workspace.lastHuntHits(workspace);
        if (Files.isRegularFile(hits)) {
            try (BufferedReader reader = Files.newBufferedReader(hits, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Hit hit;
                    try {
                        hit = HitJson.read(line);
                    }
                    catch (IllegalArgumentException e) {
                        continue;
                    }
                    String organisation = hit.origin().organisation();
                    String host = hit.event().field("cs-host");
                    if (host != null && !host.isBlank()) {
                        names.computeIfAbsent(organisation, key -> new HashSet<>()).add(host.toLowerCase(Locale.ROOT).replaceAll(":\\d+$", ""));
                    }
                    String server = hit.event().field("s-ip");
                    if (server != null && !server.isBlank()) {
                        addresses.computeIfAbsent(organisation, key -> new HashSet<>()).add(server);
                    }
                }
            }
        }
        Map<String, CrossReference.Footprint> footprints = new LinkedHashMap<>();
        statuses.forEach((organisation, status) -> footprints.put(organisation, new CrossReference.Footprint(organisation, status,
                names.getOrDefault(organisation, Set.of()), addresses.getOrDefault(organisation, Set.of()))));
        return footprints;
    }
}
