package dev.tradecraft.sigma.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Sigma v1 rule collections, resolved at the YAML level before a document is read as a rule: a
 * document with {@code action: global} is merged into every document after it, {@code action:
 * reset} forgets it, and {@code action: repeat} is the previous rule document with this one's
 * changes. Merging is deep for mappings (so a global {@code detection} with a condition and a
 * document's own selections combine); any other value of the later document replaces the earlier.
 * One instance per file; not thread-safe.
 */
final class RuleCollection
{
    /** What a document asks for. */
    enum Action
    {
        NONE, GLOBAL, RESET, REPEAT
    }

    private MappingNode global;
    private MappingNode previous;

    /** The document's {@code action}, or empty when it names one this class does not know. */
    static Optional<Action> action(MappingNode document)
    {
        for (NodeTuple tuple : document.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("action")) {
                String value = tuple.getValueNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
                return switch (value) {
                    case "global" -> Optional.of(Action.GLOBAL);
                    case "reset" -> Optional.of(Action.RESET);
                    case "repeat" -> Optional.of(Action.REPEAT);
                    default -> Optional.empty();
                };
            }
        }
        return Optional.of(Action.NONE);
    }

    /**
     * Takes a document; returns the rule document to read (merged), or empty when the document only
     * changes the collection's state (global, reset).
     *
     * @throws IllegalStateException for {@code repeat} without a rule document before it
     */
    Optional<MappingNode> accept(MappingNode document, Action action)
    {
        MappingNode own = without(document, "action");
        switch (action) {
            case GLOBAL -> {
                global = global == null ? own : merge(global, own);
                return Optional.empty();
            }
            case RESET -> {
                global = null;
                return Optional.empty();
            }
            case REPEAT -> {
                if (previous == null) {
                    throw new IllegalStateException("action: repeat needs a rule document before it");
                }
                previous = merge(previous, own);
                return Optional.of(previous);
            }
            default -> {
                previous = global == null ? own : merge(global, own);
                return Optional.of(previous);
            }
        }
    }

    private static MappingNode merge(MappingNode base, MappingNode over)
    {
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        List<NodeTuple> others = new ArrayList<>();
        for (NodeTuple tuple : base.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                merged.put(key.getValue(), tuple);
            }
            else {
                others.add(tuple);
            }
        }
        for (NodeTuple tuple : over.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                others.add(tuple);
                continue;
            }
            NodeTuple earlier = merged.get(key.getValue());
            if (earlier != null && earlier.getValueNode() instanceof MappingNode earlierMap && tuple.getValueNode() instanceof MappingNode laterMap) {
                merged.put(key.getValue(), new NodeTuple(tuple.getKeyNode(), merge(earlierMap, laterMap)));
            }
            else {
                merged.put(key.getValue(), tuple);
            }
        }
        List<NodeTuple> tuples = new ArrayList<>(merged.values());
        tuples.addAll(others);
        // The later document's marks: the merged rule is where that document is.
        return new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, over.getStartMark(), over.getEndMark());
    }

    private static MappingNode without(MappingNode document, String keyName)
    {
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple tuple : document.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(keyName))) {
                tuples.add(tuple);
            }
        }
        return new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, document.getStartMark(), document.getEndMark());
    }
}
