package dev.tradecraft.sigma;

import dev.tradecraft.core.EventFields;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of the tree-walking evaluator: a rule's resolved condition with its search identifiers
 * inlined, field names already mapped for one logsource alternative and numbered.
 */
abstract class EvalNode
{
    abstract boolean eval(EvalContext context);

    /**
     * Literals of which at least one is found in every event this node accepts, or null when the
     * node accepts events without any (negations, numbers, absent fields…). Sound, not exact: the
     * prefilter skips a rule only when none of its atoms occurs, and the tree still decides.
     */
    abstract List<LiteralAtom> requiredLiterals();

    /** Whether evaluating this node runs a regular expression; AND puts such operands last. */
    boolean costly()
    {
        return false;
    }

    static final class AndNode
            extends EvalNode
    {
        private final EvalNode[] operands;

        AndNode(EvalNode[] operands)
        {
            this.operands = cheapFirst(operands);
        }

        /**
         * Field tests that run regular expressions go last, so cheaper operands can fail first.
         * Only field tests move (they add nothing to the match trail), so the order of the
         * keyword evidence a match reports does not change.
         */
        private static EvalNode[] cheapFirst(EvalNode[] operands)
        {
            EvalNode[] result = new EvalNode[operands.length];
            int next = 0;
            for (EvalNode operand : operands) {
                if (!operand.costly()) {
                    result[next++] = operand;
                }
            }
            for (EvalNode operand : operands) {
                if (operand.costly()) {
                    result[next++] = operand;
                }
            }
            return result;
        }

        @Override
        boolean eval(EvalContext context)
        {
            int mark = context.trail.mark();
            for (EvalNode operand : operands) {
                if (!operand.eval(context)) {
                    context.trail.reset(mark);
                    return false;
                }
            }
            return true;
        }

        @Override
        List<LiteralAtom> requiredLiterals()
        {
            List<List<LiteralAtom>> required = new ArrayList<>(operands.length);
            for (EvalNode operand : operands) {
                required.add(operand.requiredLiterals());
            }
            return LiteralAtom.mostSelective(required);
        }
    }

    static final class OrNode
            extends EvalNode
    {
        private final EvalNode[] operands;

        OrNode(EvalNode[] operands)
        {
            this.operands = operands;
        }

        @Override
        boolean eval(EvalContext context)
        {
            for (EvalNode operand : operands) {
                int mark = context.trail.mark();
                if (operand.eval(context)) {
                    return true;
                }
                context.trail.reset(mark);
            }
            return false;
        }

        @Override
        List<LiteralAtom> requiredLiterals()
        {
            List<List<LiteralAtom>> choices = new ArrayList<>(operands.length);
            for (EvalNode operand : operands) {
                choices.add(operand.requiredLiterals());
            }
            return LiteralAtom.union(choices);
        }
    }

    static final class NotNode
            extends EvalNode
    {
        private final EvalNode operand;

        NotNode(EvalNode operand)
        {
            this.operand = operand;
        }

        @Override
        boolean eval(EvalContext context)
        {
            int mark = context.trail.mark();
            boolean result = operand.eval(context);
            // What satisfied a negated search is evidence against the match, not for it.
            context.trail.reset(mark);
            return !result;
        }

        @Override
        List<LiteralAtom> requiredLiterals()
        {
            return null;
        }
    }

    /** One {@code field|modifiers: values} item. */
    static final class FieldNode
            extends EvalNode
    {
        private final int fieldId;
        // One row per YAML value, holding the alternatives that value became.
        private final ValueTest[][] values;
        private final boolean all;
        private final boolean negated;
        private final boolean needsFolded;

        FieldNode(int fieldId, ValueTest[][] values, boolean all, boolean negated)
        {
            this.fieldId = fieldId;
            this.values = values;
            this.all = all;
            this.negated = negated;
            this.needsFolded = needsFolded(values);
        }

        @Override
        boolean eval(EvalContext context)
        {
            String value = context.value(fieldId);
            String folded = needsFolded && value != null ? context.folded(fieldId) : null;
            boolean result = all;
            for (ValueTest[] alternatives : values) {
                if (anyMatches(alternatives, value, folded, context) != all) {
                    result = !all;
                    break;
                }
            }
            return result != negated;
        }

        @Override
        List<LiteralAtom> requiredLiterals()
        {
            return negated ? null : valueLiterals(fieldId, values, all);
        }

        @Override
        boolean costly()
        {
            for (ValueTest[] alternatives : values) {
                for (ValueTest test : alternatives) {
                    if (test.costly()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** A keyword search: values looked for in every field of the event. */
    static final class KeywordNode
            extends EvalNode
    {
        private final ValueTest[][] values;
        private final boolean all;
        private final boolean negated;
        private final boolean needsFolded;

        KeywordNode(ValueTest[][] values, boolean all, boolean negated)
        {
            this.values = values;
            this.all = all;
            this.negated = negated;
            this.needsFolded = needsFolded(values);
        }

        @Override
        boolean eval(EvalContext context)
        {
            int mark = context.trail.mark();
            boolean result = all ? allFound(context) : anyFound(context);
            if (negated) {
                context.trail.reset(mark);
                return !result;
            }
            return result;
        }

        @Override
        List<LiteralAtom> requiredLiterals()
        {
            return negated ? null : valueLiterals(LiteralAtom.ANY_FIELD, values, all);
        }

        private boolean anyFound(EvalContext context)
        {
            EventFields fields = context.fields();
            for (int i = 0; i < fields.size(); i++) {
                String value = fields.value(i);
                String folded = needsFolded ? context.foldedAt(i) : null;
                for (ValueTest[] alternatives : values) {
                    if (anyMatches(alternatives, value, folded, context)) {
                        context.trail.add(i);
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean allFound(EvalContext context)
        {
            EventFields fields = context.fields();
            for (ValueTest[] alternatives : values) {
                int found = -1;
                for (int i = 0; i < fields.size() && found < 0; i++) {
                    String folded = needsFolded ? context.foldedAt(i) : null;
                    if (anyMatches(alternatives, fields.value(i), folded, context)) {
                        found = i;
                    }
                }
                if (found < 0) {
                    return false;
                }
                context.trail.add(found);
            }
            return true;
        }
    }

    static boolean anyMatches(ValueTest[] alternatives, String value, String folded, EvalContext context)
    {
        for (ValueTest test : alternatives) {
            if (test.test(value, folded, context)) {
                return true;
            }
        }
        return false;
    }

    /** Each row is a YAML value (OR of its alternatives); rows are OR-ed, or AND-ed with {@code all}. */
    private static List<LiteralAtom> valueLiterals(int fieldId, ValueTest[][] values, boolean all)
    {
        List<List<LiteralAtom>> rows = new ArrayList<>(values.length);
        for (ValueTest[] alternatives : values) {
            List<List<LiteralAtom>> choices = new ArrayList<>(alternatives.length);
            for (ValueTest test : alternatives) {
                List<String> literals = test.requiredLiterals();
                List<LiteralAtom> atoms = new ArrayList<>(literals.size());
                for (String literal : literals) {
                    atoms.add(new LiteralAtom(fieldId, literal));
                }
                choices.add(atoms.isEmpty() ? null : atoms);
            }
            rows.add(LiteralAtom.union(choices));
        }
        return all ? LiteralAtom.mostSelective(rows) : LiteralAtom.union(rows);
    }

    private static boolean needsFolded(ValueTest[][] values)
    {
        for (ValueTest[] alternatives : values) {
            for (ValueTest test : alternatives) {
                if (test.needsFolded()) {
                    return true;
                }
            }
        }
        return false;
    }
}
