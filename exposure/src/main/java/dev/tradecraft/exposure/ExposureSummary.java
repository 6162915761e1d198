package dev.tradecraft.exposure;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.CveVerdict;
import dev.tradecraft.core.Exposure;
import dev.tradecraft.core.ExposureState;
import dev.tradecraft.core.ServiceKind;

/**
 * Counts over exposures for one CVE, kept apart as the issue of counting demands: records read,
 * services per kind, and among on-premises SharePoint the vulnerable, not vulnerable and ambiguous
 * ones; then the same three per product, build shown, country, ASN and organisation. Not
 * thread-safe: one summary per reader thread, {@link #add(ExposureSummary)} to combine.
 */
public final class ExposureSummary
{
    private final String cve;
    private long records;
    // Counted for every service read: plain arrays by ordinal, not boxed map entries.
    private final long[] kinds = new long[ServiceKind.values().length];
    private final long[] states = new long[ExposureState.values().length];
    private final Map<String, Map<String, Counts>> breakdowns = new HashMap<>();

    /** Per-state counts of one group. */
    public static final class Counts
    {
        private long services;
        private final long[] byState = new long[ExposureState.values().length];

        public long services()
        {
            return services;
        }

        public long count(ExposureState state)
        {
            return byState[state.ordinal()];
        }

        void add(Optional<ExposureState> state)
        {
            services++;
            state.ifPresent(value -> byState[value.ordinal()]++);
        }

        void add(Counts other)
        {
            services += other.services;
            for (int i = 0; i < byState.length; i++) {
                byState[i] += other.byState[i];
            }
        }
    }

    public ExposureSummary(String cve)
    {
        this.cve = requireNonNull(cve, "cve is null");
    }

    public String cve()
    {
        return cve;
    }

    public void add(Exposure exposure)
    {
        records++;
        kinds[exposure.kind().ordinal()]++;
        if (exposure.kind() != ServiceKind.SHAREPOINT_ONPREM) {
            return;
        }
        Optional<ExposureState> state = exposure.verdict(cve).map(CveVerdict::state);
        state.ifPresent(value -> states[value.ordinal()]++);
        count("product", exposure.product().isEmpty() ? "SharePoint (version unknown)" : exposure.product(), state);
        count("build", exposure.build().or(exposure::versionShown).orElse("(no version shown)"), state);
        count("country", exposure.country().orElse("(unknown)"), state);
        count("asn", exposure.asn().orElse("(unknown)"), state);
        count("organisation", exposure.organisation().orElse("(unknown)"), state);
    }

    public void add(ExposureSummary other)
    {
        records += other.records;
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] += other.kinds[i];
        }
        for (int i = 0; i < states.length; i++) {
            states[i] += other.states[i];
        }
        other.breakdowns.forEach((dimension, groups) -> groups.forEach((key, counts) ->
                breakdowns.computeIfAbsent(dimension, k -> new HashMap<>()).computeIfAbsent(key, k -> new Counts()).add(counts)));
    }

    private void count(String dimension, String key, Optional<ExposureState> state)
    {
        breakdowns.computeIfAbsent(dimension, k -> new HashMap<>()).computeIfAbsent(key, k -> new Counts()).add(state);
    }

    public long records()
    {
        return records;
    }

    public long services(ServiceKind kind)
    {
        return kinds[kind.ordinal()];
    }

    public long count(ExposureState state)
    {
        return states[state.ordinal()];
    }

    /** Groups of one dimension ({@code product}, {@code build}, {@code country}, {@code asn}, {@code organisation}), most vulnerable first. */
    public List<Map.Entry<String, Counts>> breakdown(String dimension)
    {
        List<Map.Entry<String, Counts>> entries = new ArrayList<>(breakdowns.getOrDefault(dimension, Map.of()).entrySet());
        entries.sort(Comparator.comparing((Map.Entry<String, Counts> entry) -> -entry.getValue().count(ExposureState.VULNERABLE))
                .thenComparing(entry -> -entry.getValue().services())
                .thenComparing(Map.Entry::getKey));
        return entries;
    }

    public static List<String> dimensions()
    {
        return List.of("product", "build", "country", "asn", "organisation");
    }
}
