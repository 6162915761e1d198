package dev.tradecraft.scenarios.evtx;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A binary XML template: an event's element tree with substitutions where each record's values
 * go. A chunk stores the tree once, where a record first uses it; later records name it by offset
 * and carry only their values.
 *
 * @param guid names the template; its first four bytes are also the template id of every instance
 * @param root the outermost element
 */
public record EvtxTemplate(UUID guid, Element root)
{
    /** Element content: an element, literal text, or a substitution. */
    public sealed interface Node permits Element, Leaf {}

    /** What can stand as an attribute value as well as element content. */
    public sealed interface Leaf extends Node permits Text, Substitution {}

    public record Element(String name, List<Attribute> attributes, List<Node> children) implements Node
    {
        public Element
        {
            checkName(name);
            attributes = List.copyOf(requireNonNull(attributes, "attributes is null"));
            children = List.copyOf(requireNonNull(children, "children is null"));
        }
    }

    public record Attribute(String name, Leaf value)
    {
        public Attribute
        {
            checkName(name);
            requireNonNull(value, "value is null");
        }
    }

    public record Text(String text) implements Leaf
    {
        public Text
        {
            requireNonNull(text, "text is null");
            checkArgument(text.length() <= 0xFFFF, "text of %s characters, more than 65,535", text.length());
        }
    }

    /**
     * Where a record's value number {@code index} goes. An optional substitution whose value is
     * {@link EvtxValue.Type#NULL} drops its attribute or element, as Windows does for the
     * {@code Correlation} ids and {@code Security UserID}.
     */
    public record Substitution(int index, EvtxValue.Type type, boolean optional) implements Leaf
    {
        public Substitution
        {
            checkArgument(index >= 0 && index <= 0xFFFF, "substitution index out of range: %s", index);
            requireNonNull(type, "type is null");
        }
    }

    public EvtxTemplate
    {
        requireNonNull(guid, "guid is null");
        requireNonNull(root, "root is null");
    }

    /** A template whose GUID is derived from {@code shape}, so the same shape always gets the same GUID. */
    public static EvtxTemplate of(String shape, Element root)
    {
        requireNonNull(shape, "shape is null");
        return new EvtxTemplate(UUID.nameUUIDFromBytes(("evtx-template:" + shape).getBytes(StandardCharsets.UTF_8)), root);
    }

    /** The template id an instance token carries: the GUID's first four bytes read little-endian. */
    public int id()
    {
        return (int) (guid.getMostSignificantBits() >>> 32);
    }

    /**
     * Checks that {@code values} fills every substitution: one value per index, each of the
     * substitution's type or {@code NULL}.
     */
    void check(List<EvtxValue> values)
    {
        check(root, values);
    }

    private static void check(Node node, List<EvtxValue> values)
    {
        if (node instanceof Element element) {
            for (Attribute attribute : element.attributes()) {
                check(attribute.value(), values);
            }
            for (Node child : element.children()) {
                check(child, values);
            }
        }
        else if (node instanceof Substitution substitution) {
            checkArgument(substitution.index() < values.size(), "no value for substitution %s (%s values)", substitution.index(), values.size());
            EvtxValue.Type type = values.get(substitution.index()).type();
            checkArgument(type == substitution.type() || type == EvtxValue.Type.NULL,
                    "substitution %s wants %s, got %s", substitution.index(), substitution.type(), type);
        }
    }

    private static void checkName(String name)
    {
        checkNotBlank(name, "name");
        checkArgument(name.length() <= 0xFFFF, "name of %s characters, more than 65,535", name.length());
    }
}
