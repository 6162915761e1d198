package dev.tradecraft.flink.detect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tradecraft.campaigns.observe.SightingExtractor;
import dev.tradecraft.campaigns.output.SightingJson;
import dev.tradecraft.core.Event;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.flink.sink.OrganisationJson;
import dev.tradecraft.flink.source.LogRecord;
import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.hunt.ioc.IocIndicator;
import dev.tradecraft.hunt.ioc.IocMatcher;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.readers.LogFormat;
import dev.tradecraft.sigma.SigmaRuleset;
import dev.tradecraft.sigma.correlation.CorrelationEngine;

/**
 * The hunt's per-event step as a Flink operator, keyed by file ({@link LogRecord#fileKey()}): each
 * record becomes an Event through the project's readers ({@link RecordDecoder}) and is matched
 * against the compiled Sigma ruleset and the indicators, as {@code Hunter} matches it; each hit
 * leaves as hit JSON.
 *
 * <p>The rules are loaded and compiled once per task in {@link #open}: the compiled ruleset is
 * immutable and not serialisable, so it never travels with the job graph. The only state is, per
 * IIS file, the {@code #Fields} and {@code #Date} directives in force: it is checkpointed, so a
 * restored job reads the lines after a checkpoint with the right field layout.
 *
 * <p>Correlation rules need the matches of every file: their base matches go to the
 * {@link #BASE_MATCHES} side output for {@code CorrelateFunction}.
 */
public final class DetectFunction extends KeyedProcessFunction<String, LogRecord, OrganisationJson>
{
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DetectFunction.class);
    /** IIS files read at once per subtask before the least recently used reader is dropped (and later rebuilt from state). */
    private static final int OPEN_FILES = 256;

    /** The sightings the hits say about an adversary (campaigns' {@code SightingExtractor}), as sighting JSON. */
    public static final OutputTag<OrganisationJson> SIGHTINGS = new OutputTag<>("sightings", TypeInformation.of(OrganisationJson.class));
    /** Matches of the rules correlation rules count, as hit JSON, for {@code CorrelateFunction}. */
    public static final OutputTag<OrganisationJson> BASE_MATCHES = new OutputTag<>("base-matches", TypeInformation.of(OrganisationJson.class));

    private final DetectionSources sources;

    private transient SigmaRuleset ruleset;
    private transient IocMatcher iocs;
    private transient CorrelationEngine correlations;
    private transient RecordDecoder decoder;
    private transient ValueState<String> fieldsDirective;
    private transient ValueState<String> dateDirective;
    private transient Counter events;
    private transient Counter hits;
    private transient Counter problems;

    public DetectFunction(DetectionSources sources)
    {
        this.sources = requireNonNull(sources, "sources is null");
    }

    @Override
    public void open(OpenContext context) throws Exception
    {
        DetectionContent content = sources.load();
        ruleset = content.ruleset();
        iocs = content.iocs();
        correlations = new CorrelationEngine(content.correlations());
        if (!content.ruleProblems().isEmpty() || !content.iocProblems().isEmpty()) {
            LOG.warn("detection content: {} rules and {} indicator lines could not be used", content.ruleProblems().size(), content.iocProblems().size());
        }
        events = getRuntimeContext().getMetricGroup().counter("tradecraftEvents");
        hits = getRuntimeContext().getMetricGroup().counter("tradecraftHits");
        problems = getRuntimeContext().getMetricGroup().counter("tradecraftReadProblems");
        decoder = new RecordDecoder(problem -> problems.inc(), OPEN_FILES);
        fieldsDirective = getRuntimeContext().getState(new ValueStateDescriptor<>("w3c-fields", Types.STRING));
        dateDirective = getRuntimeContext().getState(new ValueStateDescriptor<>("w3c-date", Types.STRING));
    }

    @Override
    public void processElement(LogRecord record, Context context, Collector<OrganisationJson> out) throws Exception
    {
        Optional<Event> event = decode(record);
        if (event.isEmpty()) {
            return;
        }
        events.inc();
        for (Hit hit : match(event.get())) {
            hits.inc();
            boolean sigma = hit.rule().kind() == RuleRef.Kind.SIGMA;
            String json = HitJson.toJson(hit);
            if (sigma && correlations.baseRuleIds().contains(hit.rule().id())) {
                context.output(BASE_MATCHES, new OrganisationJson(hit.origin().organisation(), json));
            }
            // As Hunter: a rule that only feeds correlations (no generate: true) is not reported itself.
            if (sigma && !correlations.reportsOwnMatches(hit.rule().id())) {
                continue;
            }
            out.collect(new OrganisationJson(hit.origin().organisation(), json));
            Optional<Sighting> sighting = SightingExtractor.extract(hit);
            if (sighting.isPresent()) {
                context.output(SIGHTINGS, new OrganisationJson(hit.origin().organisation(), SightingJson.toJson(sighting.get())));
            }
        }
    }

    private Optional<Event> decode(LogRecord record) throws Exception
    {
        if (record.format() == LogFormat.WINDOWS_JSON) {
            return decoder.decodeJson(record);
        }
        // The directives before this line, for a reader that must be built anew; the line itself,
        // directive or not, goes to the file's reader, which keeps its own layout from then on.
        Optional<Event> event = decoder.decodeW3c(record, Optional.ofNullable(fieldsDirective.value()), Optional.ofNullable(dateDirective.value()));
        if (RecordDecoder.isFieldsDirective(record.text())) {
            fieldsDirective.update(record.text());
        }
        else if (RecordDecoder.isDateDirective(record.text())) {
            dateDirective.update(record.text());
        }
        return event;
    }

    /** Sigma hits, then one hit per indicator seen in the event, as {@code Hunter} reports them. */
    private List<Hit> match(Event event)
    {
        List<Hit> found = new ArrayList<>(2);
        ruleset.match(event, (rule, matchedFields) -> found.add(new Hit(rule.ref(), event, matchedFields)));
        if (!iocs.isEmpty()) {
            Map<IocIndicator, Boolean> seen = new LinkedHashMap<>();
            iocs.match(event, (indicator, field, value) -> {
                if (seen.putIfAbsent(indicator, Boolean.TRUE) == null) {
                    found.add(new Hit(indicator.ref(), event, Map.of(field, value)));
                }
            });
        }
        return found;
    }
}
