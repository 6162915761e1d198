package dev.tradecraft.sigma.yaml;

import static java.util.Objects.requireNonNull;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading YAML as a node tree that keeps line numbers, so every problem can say where it is.
 * Scalars are typed by the YAML 1.2 core schema ({@code yes}/{@code no} stay strings).
 */
public final class YamlNodes
{
    /** Larger rule or mapping files are refused rather than parsed. */
    public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    private static final int MAX_ALIASES = 50;

    private YamlNodes() {}

    /** The documents of a YAML stream, composed lazily; a syntax error surfaces from the iterator. */
    public static Iterator<Node> documents(String source, String text)
    {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                // snakeyaml-engine 2.10 reads past its buffer when a surrogate pair (an emoji) straddles
                // the buffer end; a buffer larger than the text never has such an end.
                .setBufferSize(text.length() + 2)
                .setSchema(new CoreSchema())
                .setCodePointLimit(MAX_CODE_POINTS)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .build();
        return new Compose(settings).composeAllFromString(text).iterator();
    }

    /** 1-based line where the node starts, 0 when unknown. */
    public static int line(Node node)
    {
        Optional<Mark> mark = node.getStartMark();
        return mark.map(value -> value.getLine() + 1).orElse(0);
    }

    /** The entries of a mapping by scalar key, in order; a repeated key is an error. */
    public static Map<String, NodeTuple> entries(MappingNode mapping)
            throws YamlShapeException
    {
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw new YamlShapeException(line(keyNode), "mapping keys must be plain scalars");
            }
            NodeTuple previous = result.put(key.getValue(), tuple);
            if (previous != null) {
                throw YamlShapeException.duplicateKey(line(keyNode),
                        "duplicate key '" + key.getValue() + "' (first at line " + line(previous.getKeyNode()) + ")");
            }
        }
        return result;
    }

    public static MappingNode mapping(Node node, String what)
            throws YamlShapeException
    {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new YamlShapeException(line(node), what + " must be a mapping, not " + describe(node));
    }

    /** A scalar's text; null scalars give "" only when allowed, else an error. */
    public static String scalar(Node node, String what)
            throws YamlShapeException
    {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new YamlShapeException(line(node), what + " must be a single value, not " + describe(node));
    }

    /** A list of scalars; a single scalar counts as a list of one, null as empty. */
    public static List<String> scalars(Node node, String what)
            throws YamlShapeException
    {
        List<String> result = new ArrayList<>();
        if (isNull(node)) {
            return result;
        }
        if (node instanceof ScalarNode scalar) {
            result.add(scalar.getValue());
            return result;
        }
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (isNull(item)) {
                    continue;
                }
                result.add(scalar(item, what + " entries"));
            }
            return result;
        }
        throw new YamlShapeException(line(node), what + " must be a list of values, not " + describe(node));
    }

    public static boolean isNull(Node node)
    {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** "a mapping", "a list", "the value 'x'": for messages. */
    public static String describe(Node node)
    {
        requireNonNull(node, "node is null");
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return isNull(node) ? "null" : "the value '" + scalar.getValue() + "'";
    }
}
