package dev.tradecraft.flink.correlate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import dev.tradecraft.campaigns.observe.SightingExtractor;
import dev.tradecraft.campaigns.output.SightingJson;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.flink.detect.DetectFunction;
import dev.tradecraft.flink.detect.DetectionSources;
import dev.tradecraft.flink.sink.OrganisationJson;
import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.sigma.correlation.CorrelationEngine;
import dev.tradecraft.sigma.correlation.CorrelationHit;
import dev.tradecraft.sigma.correlation.RuleMatch;
import dev.tradecraft.sigma.correlation.SigmaCorrelation;

/**
 * Correlation rules over the base matches of every file, as {@code Hunter} runs them after its
 * per-file pass: all base matches (keyed state, so checkpointed and restored) are evaluated in
 * event-time order by the project's {@link CorrelationEngine}, and each correlation hit is written
 * once. The matches of all files meet here, so this runs on one subtask, on one key.
 *
 * <p>When: at the end of a bounded input (the final watermark fires an event-time timer), so a
 * batch over a topic gives exactly the embedded hunt's correlation hits; and on an unbounded stream
 * every {@link #EVALUATE_EVERY_MILLIS} of processing time after a new match, over everything kept so
 * far (late matches included, since the evaluation starts over each time). Matches are kept without
 * expiry yet: their number grows with the base matches of correlation rules, not with the events.
 */
public final class CorrelateFunction extends KeyedProcessFunction<String, OrganisationJson, OrganisationJson>
{
    /** Every base match has this key: correlations group across files and organisations, as the embedded hunt does. */
    public static final String KEY = "correlations";
    /** How long an unbounded stream waits after a new base match before evaluating again. */
    public static final long EVALUATE_EVERY_MILLIS = 10_000;

    private static final long serialVersionUID = 1L;

    private final DetectionSources sources;

    private transient CorrelationEngine engine;
    private transient Map<String, RuleRef> refs;
    private transient ListState<String> matches;
    private transient MapState<String, Boolean> reported;
    private transient ValueState<Long> scheduled;

    public CorrelateFunction(DetectionSources sources)
    {
        this.sources = requireNonNull(sources, "sources is null");
    }

    @Override
    public void open(OpenContext context) throws Exception
    {
        DetectionContent content = sources.load();
        engine = new CorrelationEngine(content.correlations());
        refs = new HashMap<>();
        for (SigmaCorrelation correlation : content.correlations()) {
            refs.put(correlation.id(), correlation.ref());
        }
        matches = getRuntimeContext().getListState(new ListStateDescriptor<>("base-matches", Types.STRING));
        reported = getRuntimeContext().getMapState(new MapStateDescriptor<>("reported", Types.STRING, Types.BOOLEAN));
        scheduled = getRuntimeContext().getState(new ValueStateDescriptor<>("scheduled", Types.LONG));
    }

    @Override
    public void processElement(OrganisationJson match, Context context, Collector<OrganisationJson> out) throws Exception
    {
        matches.add(match.json());
        // Fires when the watermark reaches the end of a bounded input; registering it again is a no-op.
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
        if (scheduled.value() == null) {
            long at = context.timerService().currentProcessingTime() + EVALUATE_EVERY_MILLIS;
            context.timerService().registerProcessingTimeTimer(at);
            scheduled.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<OrganisationJson> out) throws Exception
    {
        scheduled.clear();
        List<RuleMatch> all = new ArrayList<>();
        for (String json : matches.get()) {
            Hit hit = HitJson.read(json);
            all.add(new RuleMatch(hit.rule().id(), hit.event(), hit.matchedFields()));
        }
        for (CorrelationHit found : engine.evaluate(all)) {
            String id = found.correlation().id();
            if (!engine.reportsOwnMatches(id)) {
                continue;
            }
            Hit hit = new Hit(refs.get(id), found.event(), found.fields());
            String json = HitJson.toJson(hit);
            if (reported.contains(json)) {
                continue;
            }
            reported.put(json, Boolean.TRUE);
            String organisation = hit.origin().organisation();
            out.collect(new OrganisationJson(organisation, json));
            Optional<Sighting> sighting = SightingExtractor.extract(hit);
            if (sighting.isPresent()) {
                context.output(DetectFunction.SIGHTINGS, new OrganisationJson(organisation, SightingJson.toJson(sighting.get())));
            }
        }
    }
}
