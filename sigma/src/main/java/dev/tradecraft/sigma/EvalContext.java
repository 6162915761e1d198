package dev.tradecraft.sigma;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.sigma.value.WildcardMatcher;

import java.util.Arrays;

/**
 * Per-event state of one {@link TreeRuleset#match} call: field values looked up once and folded
 * once, however many rules read them, the logsource slots the event belongs to, and the keyword trail.
 * Reused per thread; a generation stamp invalidates the caches without clearing arrays.
 */
final class EvalContext
{
    private final LogsourceDispatch dispatch;
    private final String[] values;
    private final String[] folded;
    private final int[] valueStamp;
    private final EventFieldResolver resolver;
    private final int[] foldedStamp;
    private final boolean[] accepted;
    private final int[] acceptedSlots;
    private int acceptedCount;
    private final long[] candidates;
    private String[] foldedByIndex = new String[32];
    private int[] foldedByIndexStamp = new int[32];
    private int generation;
    private EventFields fields;
    private Event event;
    final MatchTrail trail = new MatchTrail();
    // Null when the ruleset walks every candidate rule's tree.
    final LiteralPrefilter.Scan scan;
    boolean inUse;

    EvalContext(String[] fieldNames, EventFieldResolver resolver, LogsourceDispatch dispatch, int slots, int rules, LiteralPrefilter.Scan scan)
    {
        this.scan = scan;
        this.candidates = new long[(rules + 63) >>> 6];
        this.dispatch = dispatch;
        this.values = new String[fieldNames.length];
        this.folded = new String[fieldNames.length];
        this.valueStamp = new int[fieldNames.length];
        this.resolver = resolver;
        this.foldedStamp = new int[fieldNames.length];
        this.accepted = new boolean[slots];
        this.acceptedSlots = new int[slots];
    }

    void begin(Event newEvent)
    {
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(valueStamp, 0);
            Arrays.fill(foldedStamp, 0);
            Arrays.fill(foldedByIndexStamp, 0);
            generation = 0;
        }
        generation++;
        event = newEvent;
        fields = newEvent.fields();
        resolver.resolve(fields, values, valueStamp, generation);
        trail.reset(0);
        Arrays.fill(candidates, 0);
        for (int i = 0; i < acceptedCount; i++) {
            accepted[acceptedSlots[i]] = false;
        }
        acceptedCount = dispatch.accept(newEvent, accepted, acceptedSlots);
        if (foldedByIndex.length < fields.size()) {
            foldedByIndex = new String[fields.size()];
            foldedByIndexStamp = new int[fields.size()];
        }
    }

    /** Drops the event so a reused context does not keep it reachable. */
    void end()
    {
        event = null;
        fields = null;
    }

    /** One bit per compiled rule, cleared at {@link #begin}: the rules to evaluate for this event. */
    long[] candidates()
    {
        return candidates;
    }

    EventFields fields()
    {
        return fields;
    }

    /** The value of a numbered field, or null when the event lacks it. */
    String value(int fieldId)
    {
        return valueStamp[fieldId] == generation ? values[fieldId] : null;
    }

    /** The folded value of a numbered field, or null when the event lacks it. */
    String folded(int fieldId)
    {
        if (foldedStamp[fieldId] != generation) {
            String value = value(fieldId);
            folded[fieldId] = value == null ? null : WildcardMatcher.fold(value);
            foldedStamp[fieldId] = generation;
        }
        return folded[fieldId];
    }

    /** The folded value of the event's field at {@code index}, for keyword searches. */
    String foldedAt(int index)
    {
        if (foldedByIndexStamp[index] != generation) {
            foldedByIndex[index] = WildcardMatcher.fold(fields.value(index));
            foldedByIndexStamp[index] = generation;
        }
        return foldedByIndex[index];
    }

    boolean accepts(int slot)
    {
        return accepted[slot];
    }

    /** How many logsource slots accept the event; {@link #acceptedSlot} lists them. */
    int acceptedCount()
    {
        return acceptedCount;
    }

    int acceptedSlot(int index)
    {
        return acceptedSlots[index];
    }
}
