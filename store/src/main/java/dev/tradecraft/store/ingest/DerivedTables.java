package dev.tradecraft.store.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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

    /** A sighting with its key and the campaign and intrusion it belongs to, if any. */
    private record SightingRow(String id, String hitId, Sighting sighting, Optional<String> campaignId, Optional<String> intrusionId)
    {
    }

    private record ObservableRow(String sightingId, Observable observable)
    {
    }

    private record IntrusionRow(String campaignId, Intrusion intrusion)
    {
    }

    public static void replace(Workspace workspace, DerivedState state) throws StoreException
    {
        workspace.inTransaction("replace organisations, sightings and campaigns", connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.execute("DELETE FROM " + table);
                }
            }
            RowAppender.append(connection, "organisations", state.organisations(), DerivedTables::organisation);
            RowAppender.append(connection, "campaigns", state.campaigns(), DerivedTables::campaign);
            List<IntrusionRow> intrusions = new ArrayList<>();
            state.campaigns().forEach(campaign -> campaign.intrusions().forEach(intrusion -> intrusions.add(new IntrusionRow(campaign.id(), intrusion))));
            RowAppender.append(connection, "campaign_intrusions", intrusions, DerivedTables::intrusion);
            insertSightings(connection, state);
            insertMatches(connection, state.exposureMatches());
            return null;
        });
    }

    /**
     * Replaces only the exposure matches: what an exposure run changes, since scanned servers
     * alter no verdict, sighting or campaign.
     */
    public static void replaceExposureMatches(Workspace workspace, List<ExposureMatch> matches) throws StoreException
    {
        workspace.inTransaction("replace the exposure matches", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM exposure_matches");
            }
            insertMatches(connection, matches);
            return null;
        });
    }

    private static void insertMatches(Connection connection, List<ExposureMatch> all) throws SQLException
    {
        List<ExposureMatch> matches = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (ExposureMatch match : all) {
            if (matched.add(match.exposureId())) {
                matches.add(match);
            }
        }
        RowAppender.append(connection, "exposure_matches", matches,
                (row, match) -> row.text(match.exposureId()).text(match.organisation()).text(match.matchedBy()));
    }

    private static void organisation(RowAppender row, OrganisationRecord organisation) throws SQLException
    {
        row.text(organisation.name())
                .text(organisation.status())
                .list(organisation.hosts())
                .time(organisation.firstExploit())
                .time(organisation.firstCompromise())
                .list(organisation.webshells())
                .list(organisation.sourceIps())
                .number(organisation.hitsByLevel().get(Level.CRITICAL))
                .number(organisation.hitsByLevel().get(Level.HIGH))
                .number(organisation.hitsByLevel().get(Level.MEDIUM))
                .number(organisation.hitsByLevel().get(Level.LOW))
                .number(organisation.hitsByLevel().get(Level.INFORMATIONAL))
                .list(organisation.evidence());
    }

    private static void campaign(RowAppender row, Campaign campaign) throws SQLException
    {
        row.text(campaign.id())
                .text(campaign.verdict().label())
                .integer(campaign.confidence())
                .integer(campaign.organisations().size())
                .integer(campaign.intrusions().size())
                .time(campaign.firstSeen())
                .time(campaign.lastSeen())
                .list(campaign.actors().stream().map(InferredActor::name).toList())
                .list(campaign.evidence())
                .list(campaign.against());
    }

    private static void intrusion(RowAppender row, IntrusionRow value) throws SQLException
    {
        Intrusion intrusion = value.intrusion();
        row.text(value.campaignId())
                .text(intrusion.id())
                .text(intrusion.organisation())
                .list(List.copyOf(intrusion.hosts()))
                .time(intrusion.firstSeen())
                .time(intrusion.lastSeen())
                .integer(intrusion.sightings().size());
    }

    private static void insertSightings(Connection connection, DerivedState state) throws SQLException
    {
        List<SightingRow> sightings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Integer> repeats = new HashMap<>();
        for (Campaign campaign : state.campaigns()) {
            for (Intrusion intrusion : campaign.intrusions()) {
                for (Sighting each : intrusion.sightings()) {
                    add(sightings, each, Optional.of(campaign.id()), Optional.of(intrusion.id()), ids, repeats);
                }
            }
        }
        for (Sighting each : state.reconnaissance()) {
            add(sightings, each, Optional.empty(), Optional.empty(), ids, repeats);
        }
        List<ObservableRow> observables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SightingRow row : sightings) {
            for (Observable observable : row.sighting().observables()) {
                if (seen.add(RowIds.of(row.id(), observable.type().label(), observable.value()))) {
                    observables.add(new ObservableRow(row.id(), observable));
                }
            }
        }
        RowAppender.append(connection, "sightings", sightings, (row, value) -> {
            Sighting sighting = value.sighting();
            row.text(value.id())
                    .text(value.hitId())
                    .text(sighting.origin().organisation())
                    .text(sighting.origin().host())
                    .time(sighting.time())
                    .text(sighting.stage().tagName())
                    .flag(sighting.succeeded())
                    .text(sighting.ruleId())
                    .text(sighting.evidence().toString())
                    .text(value.campaignId())
                    .text(value.intrusionId());
        });
        RowAppender.append(connection, "sighting_observables", observables,
                (row, value) -> row.text(value.sightingId()).text(value.observable().type().label()).text(value.observable().value()));
    }

    private static void add(List<SightingRow> rows, Sighting each, Optional<String> campaignId, Optional<String> intrusionId, Set<String> ids,
            Map<String, Integer> repeats)
    {
        String hitId = RowIds.hit(each.origin().organisation(), each.origin().host(), each.evidence(), each.ruleId());
        // Sightings of one event are merged into one; a second sighting of the same hit (not expected)
        // still gets a key of its own, numbered in the order the analysis gave them.
        int repeat = repeats.merge(hitId, 1, Integer::sum) - 1;
        String id = repeat == 0 ? hitId : RowIds.of(hitId, Integer.toString(repeat));
        if (ids.add(id)) {
            rows.add(new SightingRow(id, hitId, each, campaignId, intrusionId));
        }
    }
}
