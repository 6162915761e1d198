package dev.tradecraft.sigma;

import dev.tradecraft.core.EventFields;

/**
 * A node of the tree-walking evaluator: a rule's resolved condition with its search identifiers
 * inlined, field names already mapped for one logsource alternative and numbered.
 */
abstract class EvalNode
{
    abstract boolean eval(EvalContext context);

    static final class AndNode
            extends EvalNode
    {
        private final EvalNode[] operands;

        AndNode(EvalNode[] operands)
        {
            this.operands = operands;
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
