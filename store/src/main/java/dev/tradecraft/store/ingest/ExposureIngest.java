package dev.tradecraft.store.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tradecraft.core.CveVerdict;
import dev.tradecraft.core.Exposure;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;

/**
 * Keeps an exposure run: its run, the scan files and the services judged, in one transaction. A
 * service is keyed by its address, port and place in the scan file, so the same scan read again
 * adds nothing.
 */
public final class ExposureIngest
{
    /** The state of a service with no verdict for the CVE counted. */
    public static final String NOT_JUDGED = "not-judged";

    private ExposureIngest() {}

    /** The key of an exposure row. */
    public static String id(Exposure exposure)
    {
        return RowIds.of("exposure", exposure.address(), Integer.toString(exposure.port()), exposure.evidence().toString());
    }

    /** The state as stored and shown: vulnerable, not-vulnerable, ambiguous. */
    public static String label(Enum<?> state)
    {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param cve the CVE counted (the first judged); every judged CVE is kept in {@code exposure_verdicts}
     */
    public static IngestResult record(Workspace workspace, RunRecord run, List<FileRecord> files, List<Exposure> exposures, String cve)
            throws StoreException
    {
        String runId = Rows.runId(run, files);
        return workspace.inTransaction("keep the exposure results", connection -> {
            boolean newRun = Rows.upsertRun(connection, runId, run, files.size());
            long newFiles = Rows.insertFiles(connection, runId, files);
            long before = Rows.count(connection, "exposures");
            insert(connection, runId, exposures, cve);
            return new IngestResult(runId, newRun, newFiles, Rows.count(connection, "exposures") - before);
        });
    }

    private static void insert(Connection connection, String runId, List<Exposure> exposures, String cve) throws SQLException
    {
        try (PreparedStatement exposure = connection.prepareStatement("INSERT INTO exposures (exposure_id, run_id, address, port, hostnames, "
                + "organisation, asn, country, kind, product, version_shown, build, cve, state, reason, identification, evidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement verdict = connection.prepareStatement(
                        "INSERT INTO exposure_verdicts (exposure_id, cve, state, reason) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            Set<String> seen = new HashSet<>();
            for (Exposure each : exposures) {
                String id = id(each);
                if (!seen.add(id)) {
                    continue;
                }
                // A service the knowledge could not judge (no version shown, not on-premises) is still
                // counted as exposed, as the exposure command counts it.
                CveVerdict counted = each.verdict(cve).orElse(null);
                exposure.setString(1, id);
                exposure.setString(2, runId);
                exposure.setString(3, each.address());
                exposure.setInt(4, each.port());
                Rows.setList(connection, exposure, 5, each.hostnames());
                Rows.setOptional(exposure, 6, each.organisation());
                Rows.setOptional(exposure, 7, each.asn());
                Rows.setOptional(exposure, 8, each.country());
                exposure.setString(9, each.kind().label());
                exposure.setString(10, each.product());
                Rows.setOptional(exposure, 11, each.versionShown());
                Rows.setOptional(exposure, 12, each.build());
                exposure.setString(13, cve);
                exposure.setString(14, counted == null ? NOT_JUDGED : label(counted.state()));
                exposure.setString(15, counted == null ? "no verdict for " + cve : counted.reason());
                Rows.setList(connection, exposure, 16, each.identification());
                exposure.setString(17, each.evidence().toString());
                exposure.addBatch();
                for (CveVerdict judged : each.verdicts()) {
                    verdict.setString(1, id);
                    verdict.setString(2, judged.cve());
                    verdict.setString(3, label(judged.state()));
                    verdict.setString(4, judged.reason());
                    verdict.addBatch();
                }
            }
            exposure.executeBatch();
            verdict.executeBatch();
        }
    }
}
