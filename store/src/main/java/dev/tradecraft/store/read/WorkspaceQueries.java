package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.tradecraft.core.Level;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;

/**
 * The questions the report, the dashboard and its API ask the workspace, each one query (or a few)
 * answered as read-model records. Nothing here writes.
 */
public final class WorkspaceQueries
{
    /** The tables a user sees (and may export), in the order they are listed. */
    public static final List<String> TABLES = List.of("runs", "files", "hits", "organisations", "sightings", "sighting_observables",
            "campaigns", "campaign_intrusions", "exposures", "exposure_verdicts", "exposure_matches");

    private static final JsonFactory JSON = new JsonFactory();
    private static final String SINGLE_ACTOR = "single-actor";
    /** Only the organisation's own servers are exposure; SharePoint Online is Microsoft's service. */
    private static final String ON_PREMISES = "sharepoint-onprem";

    private final Workspace workspace;

    public WorkspaceQueries(Workspace workspace)
    {
        this.workspace = requireNonNull(workspace, "workspace is null");
    }

    public Workspace workspace()
    {
        return workspace;
    }

    public Overview overview() throws StoreException
    {
        return workspace.read("read the overview", connection -> {
            ExposureTotals exposure = exposureTotals(connection);
            long organisations = 0;
            long compromised = 0;
            long attempted = 0;
            long clean = 0;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT status, count(*) FROM organisations GROUP BY status")) {
                while (rows.next()) {
                    long count = rows.getLong(2);
                    organisations += count;
                    switch (rows.getString(1)) {
                        case "compromised" -> compromised = count;
                        case "attempted" -> attempted = count;
                        case "clean" -> clean = count;
                        default -> { }
                    }
                }
            }
            long campaigns;
            long single;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*), count(*) FILTER (WHERE verdict = ?) FROM campaigns")) {
                statement.setString(1, SINGLE_ACTOR);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    campaigns = rows.getLong(1);
                    single = rows.getLong(2);
                }
            }
            long hits = count(connection, "hits");
            long files = count(connection, "files");
            long runs;
            Optional<Instant> lastRun;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*), max(last_finished) FROM runs")) {
                rows.next();
                runs = rows.getLong(1);
                lastRun = time(rows, 2);
            }
            return new Overview(exposure, organisations, compromised, attempted, clean, campaigns, single, hits, files, runs, lastRun);
        });
    }

    private static ExposureTotals exposureTotals(Connection connection) throws SQLException
    {
        // The CVE counted is the one most services were judged for (normally the only one).
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT cve, count(*), count(*) FILTER (WHERE state = 'vulnerable'), "
                        + "count(*) FILTER (WHERE state = 'ambiguous'), count(*) FILTER (WHERE state = 'not-vulnerable') "
                        + "FROM exposures WHERE kind = '" + ON_PREMISES + "' GROUP BY cve ORDER BY count(*) DESC, cve LIMIT 1")) {
            if (!rows.next()) {
                return new ExposureTotals("", 0, 0, 0, 0);
            }
            return new ExposureTotals(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5));
        }
    }

    /**
     * Exposure totals of on-premises SharePoint per country or product, most vulnerable first, with
     * the same group names as the exposure command prints.
     */
    public List<ExposureTotals> exposureBy(ExposureDimension dimension) throws StoreException
    {
        requireNonNull(dimension, "dimension is null");
        return workspace.read("read exposure by " + dimension.column(), connection -> {
            List<ExposureTotals> totals = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT " + dimension.keyExpression() + " AS key, count(*), "
                            + "count(*) FILTER (WHERE state = 'vulnerable'), count(*) FILTER (WHERE state = 'ambiguous'), "
                            + "count(*) FILTER (WHERE state = 'not-vulnerable') FROM exposures WHERE kind = '" + ON_PREMISES + "' "
                            + "GROUP BY key ORDER BY count(*) FILTER (WHERE state = 'vulnerable') DESC, count(*) DESC, key")) {
                while (rows.next()) {
                    totals.add(new ExposureTotals(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)));
                }
            }
            return totals;
        });
    }

    /** Scanned SharePoint services (SharePoint Online included, with its kind in the product), vulnerable first, then ambiguous, then the rest; by address and port within each. */
    public List<ExposureRow> exposures(int limit) throws StoreException
    {
        return workspace.read("read exposures", connection -> exposureRows(connection, "", null, limit));
    }

    private static List<ExposureRow> exposureRows(Connection connection, String where, String parameter, int limit) throws SQLException
    {
        List<ExposureRow> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT e.exposure_id, address, port, hostnames, e.organisation, asn, "
                + "country, product, version_shown, build, cve, state, reason, e.evidence, m.organisation, m.matched_by FROM exposures e "
                + "LEFT JOIN exposure_matches m USING (exposure_id) " + where
                + " ORDER BY CASE state WHEN 'vulnerable' THEN 0 WHEN 'ambiguous' THEN 1 ELSE 2 END, address, port, e.exposure_id LIMIT ?")) {
            int index = 1;
            if (parameter != null) {
                statement.setString(index++, parameter);
            }
            statement.setInt(index, Math.max(0, limit));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(new ExposureRow(rows.getString(1), rows.getString(2), rows.getInt(3), strings(rows, 4), optional(rows, 5),
                            optional(rows, 6), optional(rows, 7), rows.getString(8), optional(rows, 9), optional(rows, 10), rows.getString(11),
                            rows.getString(12), rows.getString(13), rows.getString(14), optional(rows, 15), optional(rows, 16)));
                }
            }
        }
        return result;
    }

    /** Campaigns by first activity (their ids are numbered that way). */
    public List<CampaignSummary> campaigns() throws StoreException
    {
        return workspace.read("read campaigns", connection -> campaignSummaries(connection, null));
    }

    private static List<CampaignSummary> campaignSummaries(Connection connection, String id) throws SQLException
    {
        Map<String, List<String>> victims = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT campaign_id, organisation FROM campaign_intrusions"
                + (id == null ? "" : " WHERE campaign_id = ?") + " ORDER BY organisation")) {
            if (id != null) {
                statement.setString(1, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    victims.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        List<CampaignSummary> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT campaign_id, verdict, confidence, intrusions, first_seen, last_seen, "
                + "actors, evidence, against FROM campaigns" + (id == null ? "" : " WHERE campaign_id = ?")
                + " ORDER BY first_seen NULLS LAST, length(campaign_id), campaign_id")) {
            if (id != null) {
                statement.setString(1, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String campaign = rows.getString(1);
                    result.add(new CampaignSummary(campaign, rows.getString(2), rows.getInt(3), victims.getOrDefault(campaign, List.of()),
                            rows.getInt(4), time(rows, 5), time(rows, 6), strings(rows, 7), strings(rows, 8), strings(rows, 9)));
                }
            }
        }
        return result;
    }

    public Optional<CampaignDetail> campaign(String id) throws StoreException
    {
        requireNonNull(id, "id is null");
        return workspace.read("read campaign " + id, connection -> campaignDetail(connection, id));
    }

    private static Optional<CampaignDetail> campaignDetail(Connection connection, String id) throws SQLException
    {
        List<CampaignSummary> summaries = campaignSummaries(connection, id);
        if (summaries.isEmpty()) {
            return Optional.empty();
        }
        List<CampaignVictim> victims = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT organisation, intrusion_id, hosts, first_seen, last_seen, sightings "
                + "FROM campaign_intrusions WHERE campaign_id = ? ORDER BY first_seen NULLS LAST, organisation, intrusion_id")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    victims.add(new CampaignVictim(rows.getString(1), rows.getString(2), strings(rows, 3), time(rows, 4), time(rows, 5),
                            rows.getInt(6)));
                }
            }
        }
        List<SharedArtefact> artefacts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT o.type, o.value, list(DISTINCT s.organisation ORDER BY s.organisation) "
                + "FROM sightings s JOIN sighting_observables o USING (sighting_id) WHERE s.campaign_id = ? GROUP BY o.type, o.value "
                + "ORDER BY count(DISTINCT s.organisation) DESC, o.type, o.value")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    artefacts.add(new SharedArtefact(rows.getString(1), rows.getString(2), strings(rows, 3)));
                }
            }
        }
        List<TimelineEntry> timeline = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT event_time, organisation, host, stage, rule_id, evidence "
                + "FROM sightings WHERE campaign_id = ? ORDER BY event_time NULLS LAST, organisation, host, evidence")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    timeline.add(new TimelineEntry(time(rows, 1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getString(6)));
                }
            }
        }
        return Optional.of(new CampaignDetail(summaries.get(0), victims, artefacts, timeline));
    }

    /** Organisations, compromised first, then attempted, then clean; by name within each. */
    public List<OrganisationSummary> organisations() throws StoreException
    {
        return workspace.read("read organisations", connection -> organisationSummaries(connection, null));
    }

    private static List<OrganisationSummary> organisationSummaries(Connection connection, String name) throws SQLException
    {
        Map<String, List<String>> campaigns = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT organisation, campaign_id FROM campaign_intrusions"
                + (name == null ? "" : " WHERE organisation = ?") + " ORDER BY campaign_id")) {
            if (name != null) {
                statement.setString(1, name);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    campaigns.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        campaigns.values().forEach(ids -> ids.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));
        List<OrganisationSummary> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name, status, hosts, first_exploit, first_compromise, webshells, "
                + "source_ips, hits_critical, hits_high, hits_medium, hits_low, hits_informational FROM organisations"
                + (name == null ? "" : " WHERE name = ?")
                + " ORDER BY CASE status WHEN 'compromised' THEN 0 WHEN 'attempted' THEN 1 ELSE 2 END, name")) {
            if (name != null) {
                statement.setString(1, name);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Map<Level, Long> levels = new EnumMap<>(Level.class);
                    levels.put(Level.CRITICAL, rows.getLong(8));
                    levels.put(Level.HIGH, rows.getLong(9));
                    levels.put(Level.MEDIUM, rows.getLong(10));
                    levels.put(Level.LOW, rows.getLong(11));
                    levels.put(Level.INFORMATIONAL, rows.getLong(12));
                    String organisation = rows.getString(1);
                    result.add(new OrganisationSummary(organisation, rows.getString(2), strings(rows, 3), time(rows, 4), time(rows, 5),
                            strings(rows, 6), strings(rows, 7), levels, campaigns.getOrDefault(organisation, List.of())));
                }
            }
        }
        return result;
    }

    /**
     * @param hitLimit how many hits to include at most (the first in time order); the total is in the result
     */
    public Optional<OrganisationDetail> organisation(String name, int hitLimit) throws StoreException
    {
        requireNonNull(name, "name is null");
        return workspace.read("read organisation " + name, connection -> {
            List<OrganisationSummary> summaries = organisationSummaries(connection, name);
            if (summaries.isEmpty()) {
                return Optional.<OrganisationDetail>empty();
            }
            OrganisationSummary summary = summaries.get(0);
            List<String> evidence;
            try (PreparedStatement statement = connection.prepareStatement("SELECT evidence FROM organisations WHERE name = ?")) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    evidence = strings(rows, 1);
                }
            }
            long hitCount;
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM hits WHERE organisation = ?")) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    hitCount = rows.getLong(1);
                }
            }
            List<HitRow> hits = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT rule_id, rule_kind, title, level, organisation, host, file, "
                    + "position, event_time, matched, context FROM hits WHERE organisation = ? ORDER BY event_time NULLS LAST, file, position, rule_id LIMIT ?")) {
                statement.setString(1, name);
                statement.setInt(2, Math.max(0, hitLimit));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        hits.add(new HitRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                                rows.getString(6), rows.getString(7), rows.getString(8), time(rows, 9), jsonObject(rows.getString(10)),
                                jsonObject(rows.getString(11))));
                    }
                }
            }
            List<ExposureRow> servers = exposureRows(connection, "WHERE m.organisation = ?", name, Integer.MAX_VALUE);
            List<CampaignDetail> campaigns = new ArrayList<>();
            for (String id : summary.campaigns()) {
                campaignDetail(connection, id).ifPresent(campaigns::add);
            }
            return Optional.of(new OrganisationDetail(summary, evidence, hitCount, hits, servers, campaigns));
        });
    }

    /** Every hit kept, in Tradecraft's hit JSON, in a stable order (organisation, file, position, rule). */
    public List<String> hitJson() throws StoreException
    {
        return workspace.read("read hits", connection -> {
            List<String> hits = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT hit_json FROM hits ORDER BY organisation, host, file, position, rule_id")) {
                while (rows.next()) {
                    hits.add(rows.getString(1));
                }
            }
            return hits;
        });
    }

    /**
     * The hit JSON of every hit another run than {@code runId} found first, leaving out the ids in
     * {@code skip} (hits the caller holds already), in the same stable order as {@link #hitJson}.
     */
    public List<String> hitJsonBesidesRun(String runId, Set<String> skip) throws StoreException
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(skip, "skip is null");
        return workspace.read("read hits", connection -> {
            List<String> hits = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT hit_id, hit_json FROM hits WHERE run_id <> ? ORDER BY organisation, host, file, position, rule_id")) {
                statement.setString(1, runId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (!skip.contains(rows.getString(1))) {
                            hits.add(rows.getString(2));
                        }
                    }
                }
            }
            return hits;
        });
    }

    /**
     * The distinct server names and addresses in the hits' requests, per organisation: what ties a
     * scanned server to a hunted organisation. Read by DuckDB from the stored hit JSON, so no hit
     * is parsed here.
     */
    public List<ServerName> serverNames() throws StoreException
    {
        return workspace.read("read server names", connection -> {
            List<ServerName> names = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT DISTINCT organisation, json_extract_string(hit_json, '$.event.\"cs-host\"') AS host, "
                            + "json_extract_string(hit_json, '$.event.\"s-ip\"') AS address FROM hits "
                            + "WHERE host IS NOT NULL OR address IS NOT NULL ORDER BY ALL")) {
                while (rows.next()) {
                    names.add(new ServerName(rows.getString(1), optional(rows, 2), optional(rows, 3)));
                }
            }
            return names;
        });
    }

    /** Every organisation with log files read, and the hosts they came from. */
    public Map<String, SortedSet<String>> hostsRead() throws StoreException
    {
        return workspace.read("read hosts", connection -> {
            Map<String, SortedSet<String>> hosts = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT DISTINCT organisation, host FROM files WHERE kind = 'log' AND skip_reason = ''")) {
                while (rows.next()) {
                    hosts.computeIfAbsent(rows.getString(1), key -> new TreeSet<>()).add(rows.getString(2));
                }
            }
            return hosts;
        });
    }

    /** Rows per table, in {@link #TABLES} order. */
    public Map<String, Long> rowCounts() throws StoreException
    {
        return workspace.read("count rows", connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, count(connection, table));
            }
            return counts;
        });
    }

    private static long count(Connection connection, String table) throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Optional<Instant> time(ResultSet rows, int column) throws SQLException
    {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    private static Optional<String> optional(ResultSet rows, int column) throws SQLException
    {
        return Optional.ofNullable(rows.getString(column));
    }

    private static List<String> strings(ResultSet rows, int column) throws SQLException
    {
        Array array = rows.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> result = new ArrayList<>(values.length);
        for (Object value : values) {
            if (value != null) {
                result.add(value.toString());
            }
        }
        return result;
    }

    /** A flat JSON object of strings, as the hits table keeps matched fields. */
    private static Map<String, String> jsonObject(String text) throws SQLException
    {
        Map<String, String> fields = new TreeMap<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return fields;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.put(name, parser.getValueAsString(""));
            }
        }
        catch (IOException e) {
            throw new SQLException("matched fields are not a JSON object: " + e.getMessage(), e);
        }
        return fields;
    }
}
