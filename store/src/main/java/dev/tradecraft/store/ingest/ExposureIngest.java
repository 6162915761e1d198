package dev.tradecraft.store.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** A service to keep with its key and its verdict for the CVE counted (empty when it has none). */
    private record Row(String id, Exposure exposure, Optional<CveVerdict> counted)
    {
    }

    private record VerdictRow(String id, CveVerdict verdict)
    {
    }

    private static void insert(Connection connection, String runId, List<Exposure> exposures, String cve) throws SQLException
    {
        Set<String> seen = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        List<VerdictRow> verdicts = new ArrayList<>();
        for (Exposure each : exposures) {
            String id = id(each);
            if (seen.add(id)) {
                // A service the knowledge could not judge (no version shown) is still counted as
                // exposed, as the exposure command counts it.
                rows.add(new Row(id, each, each.verdict(cve)));
                each.verdicts().forEach(verdict -> verdicts.add(new VerdictRow(id, verdict)));
            }
        }
        RowAppender.appendNew(connection, "exposures", rows, (row, value) -> {
            Exposure each = value.exposure();
            row.text(value.id())
                    .text(runId)
                    .text(each.address())
                    .integer(each.port())
                    .list(each.hostnames())
                    .text(each.organisation())
                    .text(each.asn())
                    .text(each.country())
                    .text(each.kind().label())
                    .text(each.product())
                    .text(each.versionShown())
                    .text(each.build())
                    .text(cve)
                    .text(value.counted().map(verdict -> label(verdict.state())).orElse(NOT_JUDGED))
                    .text(value.counted().map(CveVerdict::reason).orElse("no verdict for " + cve))
                    .list(each.identification())
                    .text(each.evidence().toString());
        });
        RowAppender.appendNew(connection, "exposure_verdicts", verdicts, (row, value) -> row.text(value.id())
                .text(value.verdict().cve())
                .text(label(value.verdict().state()))
                .text(value.verdict().reason()));
    }
}
