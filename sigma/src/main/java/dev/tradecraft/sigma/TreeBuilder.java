package dev.tradecraft.sigma;

import dev.tradecraft.sigma.condition.And;
import dev.tradecraft.sigma.condition.Condition;
import dev.tradecraft.sigma.condition.Not;
import dev.tradecraft.sigma.condition.Or;
import dev.tradecraft.sigma.condition.Ref;
import dev.tradecraft.sigma.rule.Detection;
import dev.tradecraft.sigma.rule.DetectionGroup;
import dev.tradecraft.sigma.rule.DetectionItem;
import dev.tradecraft.sigma.rule.SearchIdentifier;
import dev.tradecraft.sigma.value.SigmaValue;

import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Builds the evaluator tree of one rule under one logsource alternative: the resolved condition
 * with each identifier inlined as OR of groups, AND of items, and rule field names replaced by the
 * event field names the alternative reads.
 */
final class TreeBuilder
{
    private final Detection detection;
    private final ToIntFunction<String> fieldId;
    private final AtomTable atoms;
    private final Set<Integer> scannedFields;

    private TreeBuilder(Detection detection, ToIntFunction<String> fieldId, AtomTable atoms, Set<Integer> scannedFields)
    {
        this.detection = detection;
        this.fieldId = fieldId;
        this.atoms = atoms;
        this.scannedFields = scannedFields;
    }

    /**
     * @param fieldId the number of the event field a rule field reads under the alternative
     * @param atoms where leaves that the prefilter's scan decides get their atom numbers
     * @param scannedFields receives the fields whose scan such leaves read
     */
    static EvalNode build(Detection detection, ToIntFunction<String> fieldId, AtomTable atoms, Set<Integer> scannedFields)
    {
        TreeBuilder builder = new TreeBuilder(detection, fieldId, atoms, scannedFields);
        return builder.node(detection.condition());
    }

    private EvalNode node(Condition condition)
    {
        if (condition instanceof Ref ref) {
            return identifier(detection.identifiers().get(ref.name()));
        }
        if (condition instanceof Not not) {
            return new EvalNode.NotNode(node(not.operand()));
        }
        if (condition instanceof And and) {
            return new EvalNode.AndNode(nodes(and.operands()));
        }
        if (condition instanceof Or or) {
            return new EvalNode.OrNode(nodes(or.operands()));
        }
        throw new IllegalStateException("condition not resolved: " + condition);
    }

    private EvalNode[] nodes(List<Condition> conditions)
    {
        EvalNode[] result = new EvalNode[conditions.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = node(conditions.get(i));
        }
        return result;
    }

    private EvalNode identifier(SearchIdentifier identifier)
    {
        List<DetectionGroup> groups = identifier.groups();
        EvalNode[] alternatives = new EvalNode[groups.size()];
        for (int g = 0; g < alternatives.length; g++) {
            List<DetectionItem> items = groups.get(g).items();
            EvalNode[] all = new EvalNode[items.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = item(items.get(i));
            }
            alternatives[g] = all.length == 1 ? all[0] : new EvalNode.AndNode(all);
        }
        return alternatives.length == 1 ? alternatives[0] : new EvalNode.OrNode(alternatives);
    }

    private EvalNode item(DetectionItem item)
    {
        int field = item.isKeyword() ? LiteralAtom.ANY_FIELD : fieldId.applyAsInt(item.field().orElseThrow());
        List<List<SigmaValue>> values = item.values();
        ValueTest[][] tests = new ValueTest[values.size()][];
        for (int v = 0; v < tests.length; v++) {
            List<SigmaValue> alternatives = values.get(v);
            tests[v] = new ValueTest[alternatives.size()];
            for (int a = 0; a < alternatives.size(); a++) {
                ValueTest scanned = item.isKeyword() ? null : ValueTest.scanned(alternatives.get(a), field, atoms);
                if (scanned != null) {
                    scannedFields.add(field);
                }
                tests[v][a] = scanned != null ? scanned : ValueTest.of(alternatives.get(a), fieldId);
            }
        }
        if (item.isKeyword()) {
            return new EvalNode.KeywordNode(tests, item.all(), item.negated());
        }
        return new EvalNode.FieldNode(field, tests, item.all(), item.negated());
    }
}
