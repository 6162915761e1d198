package dev.tradecraft.store.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.InferredActor;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Level;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;

/**
 * Replaces the derived tables (organisations, sightings and their observables, campaigns and their
 * intrusions, exposure matches) with a new {@link DerivedState}, in one transaction: readers see
 * the old picture or the new one, never half of each.
 */
public final class DerivedTables
{
    private static final List<String> TABLES = List.of("organisations", "sightings", "sighting_observables", "campaigns",
            "campaign_intrusions", "exposure_matches");

    private DerivedTables() {}

    public static void replace(Workspace workspace, DerivedState state) throws StoreException
    {
        workspace.inTransaction("replace organisations, sightings and campaigns", connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.execute("DELETE FROM " + table);
                }
            }
            insertOrganisations(connection, state.organisations());
            insertCampaigns(connection, state.campaigns());
            insertSightings(connection, state);
            insertMatches(connection, state.exposureMatches());
            return null;
        });
    }

    private static void insertOrganisations(Connection connection, List<OrganisationRecord> organisations) throws SQLException
    {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO organisations (name, status, hosts, first_exploit, "
                + "first_compromise, webshells, source_ips, hits_critical, hits_high, hits_medium, hits_low, hits_informational, evidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OrganisationRecord organisation : organisations) {
                insert.setString(1, organisation.name());
                insert.setString(2, organisation.status());
                Rows.setList(connection, insert, 3, organisation.hosts());
                Rows.setTime(insert, 4, organisation.firstExploit());
                Rows.setTime(insert, 5, organisation.firstCompromise());
                Rows.setList(connection, insert, 6, organisation.webshells());
                Rows.setList(connection, insert, 7, organisation.sourceIps());
                insert.setLong(8, organisation.hitsByLevel().get(Level.CRITICAL));
                insert.setLong(9, organisation.hitsByLevel().get(Level.HIGH));
                insert.setLong(10, organisation.hitsByLevel().get(Level.MEDIUM));
                insert.setLong(11, organisation.hitsByLevel().get(Level.LOW));
                insert.setLong(12, organisation.hitsByLevel().get(Level.INFORMATIONAL));
                Rows.setList(connection, insert, 13, organisation.evidence());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertCampaigns(Connection connection, List<Campaign> campaigns) throws SQLException
    {
        try (PreparedStatement campaign = connection.prepareStatement("INSERT INTO campaigns (campaign_id, verdict, confidence, organisations, "
                + "intrusions, first_seen, last_seen, actors, evidence, against) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement intrusion = connection.prepareStatement("INSERT INTO campaign_intrusions (campaign_id, intrusion_id, "
                        + "organisation, hosts, first_seen, last_seen, sightings) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Campaign each : campaigns) {
                campaign.setString(1, each.id());
                campaign.setString(2, each.verdict().label());
                campaign.setInt(3, each.confidence());
                campaign.setInt(4, each.organisations().size());
                campaign.setInt(5, each.intrusions().size());
                Rows.setTime(campaign, 6, each.firstSeen());
                Rows.setTime(campaign, 7, each.lastSeen());
                Rows.setList(connection, campaign, 8, each.actors().stream().map(InferredActor::name).toList());
                Rows.setList(connection, campaign, 9, each.evidence());
                Rows.setList(connection, campaign, 10, each.against());
                campaign.addBatch();
                for (Intrusion part : each.intrusions()) {
                    intrusion.setString(1, each.id());
                    intrusion.setString(2, part.id());
                    intrusion.setString(3, part.organisation());
                    Rows.setList(connection, intrusion, 4, List.copyOf(part.hosts()));
                    Rows.setTime(intrusion, 5, part.firstSeen());
                    Rows.setTime(intrusion, 6, part.lastSeen());
                    intrusion.setInt(7, part.sightings().size());
                    intrusion.addBatch();
                }
            }
            campaign.executeBatch();
            intrusion.executeBatch();
        }
    }

    private static void insertSightings(Connection connection, DerivedState state) throws SQLException
    {
        try (PreparedStatement sighting = connection.prepareStatement("INSERT INTO sightings (sighting_id, hit_id, organisation, host, "
                + "event_time, stage, succeeded, rule_id, evidence, campaign_id, intrusion_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement observable = connection.prepareStatement(
                        "INSERT INTO sighting_observables (sighting_id, type, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            Set<String> ids = new HashSet<>();
            Map<String, Integer> repeats = new HashMap<>();
            for (Campaign campaign : state.campaigns()) {
                for (Intrusion intrusion : campaign.intrusions()) {
                    for (Sighting each : intrusion.sightings()) {
                        add(connection, sighting, observable, each, Optional.of(campaign.id()), Optional.of(intrusion.id()), ids, repeats);
                    }
                }
            }
            for (Sighting each : state.reconnaissance()) {
                add(connection, sighting, observable, each, Optional.empty(), Optional.empty(), ids, repeats);
            }
            sighting.executeBatch();
            observable.executeBatch();
        }
    }

    private static void add(Connection connection, PreparedStatement sighting, PreparedStatement observable, Sighting each,
            Optional<String> campaignId, Optional<String> intrusionId, Set<String> ids, Map<String, Integer> repeats) throws SQLException
    {
        String hitId = RowIds.hit(each.origin().organisation(), each.origin().host(), each.evidence(), each.ruleId());
        // Sightings of one event are merged into one; a second sighting of the same hit (not expected)
        // still gets a key of its own, numbered in the order the analysis gave them.
        int repeat = repeats.merge(hitId, 1, Integer::sum) - 1;
        String id = repeat == 0 ? hitId : RowIds.of(hitId, Integer.toString(repeat));
        if (!ids.add(id)) {
            return;
        }
        sighting.setString(1, id);
        sighting.setString(2, hitId);
        sighting.setString(3, each.origin().organisation());
        sighting.setString(4, each.origin().host());
        Rows.setTime(sighting, 5, each.time());
        sighting.setString(6, each.stage().tagName());
        sighting.setBoolean(7, each.succeeded());
        sighting.setString(8, each.ruleId());
        sighting.setString(9, each.evidence().toString());
        Rows.setOptional(sighting, 10, campaignId);
        Rows.setOptional(sighting, 11, intrusionId);
        sighting.addBatch();
        for (Observable value : each.observables()) {
            observable.setString(1, id);
            observable.setString(2, value.type().label());
            observable.setString(3, value.value());
            observable.addBatch();
        }
    }

    private static void insertMatches(Connection connection, List<ExposureMatch> matches) throws SQLException
    {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO exposure_matches (exposure_id, organisation, matched_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (ExposureMatch match : matches) {
                insert.setString(1, match.exposureId());
                insert.setString(2, match.organisation());
                insert.setString(3, match.matchedBy());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
