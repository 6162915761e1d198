package dev.tradecraft.sigma;

import dev.tradecraft.core.EventFields;
import dev.tradecraft.sigma.automaton.LiteralAutomaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides, before any rule tree is walked, which rules can possibly match an event: each rule
 * requires at least one of a few literals (its {@link LiteralAtom}s), and per event field the
 * literals of all rules sit in one {@link LiteralAutomaton}, so each value the event's logsources
 * need is scanned once for all rules, folding case as it reads. A rule none of whose atoms occurs is skipped; the others,
 * and the rules that require no literal, are decided by their trees. Immutable.
 */
final class LiteralPrefilter
{
    static final int SEARCHED_LENGTH = 12;

    private final LiteralAutomaton[] byField;
    private final LiteralAutomaton anyField;
    private final int[][] rulesByAtom;
    private final long[] unfiltered;
    private final int[][] fieldsBySlot;
    private final boolean[] anyFieldBySlot;
    private final int unfilteredCount;

    private LiteralPrefilter(LiteralAutomaton[] byField, LiteralAutomaton anyField, int[][] rulesByAtom, long[] unfiltered,
            int[][] fieldsBySlot, boolean[] anyFieldBySlot)
    {
        this.byField = byField;
        this.anyField = anyField;
        this.rulesByAtom = rulesByAtom;
        this.unfiltered = unfiltered;
        this.fieldsBySlot = fieldsBySlot;
        this.anyFieldBySlot = anyFieldBySlot;
        int count = 0;
        for (long word : unfiltered) {
            count += Long.bitCount(word);
        }
        this.unfilteredCount = count;
    }

    static LiteralPrefilter build(TreeRuleset.CompiledRule[] rules, int fieldCount, int slots)
    {
        Map<LiteralAtom, Integer> atomIds = new LinkedHashMap<>();
        List<List<Integer>> rulesByAtom = new ArrayList<>();
        long[] unfiltered = new long[(rules.length + 63) >>> 6];
        List<TreeSet<Integer>> fieldsBySlot = new ArrayList<>(slots);
        for (int slot = 0; slot < slots; slot++) {
            fieldsBySlot.add(new TreeSet<>());
        }
        boolean[] anyFieldBySlot = new boolean[slots];
        for (int index = 0; index < rules.length; index++) {
            List<List<LiteralAtom>> perAlternative = new ArrayList<>();
            for (TreeRuleset.CompiledAlternative alternative : rules[index].alternatives) {
                perAlternative.add(alternative.root.requiredLiterals());
            }
            List<LiteralAtom> atoms = LiteralAtom.union(perAlternative);
            if (atoms == null) {
                unfiltered[index >>> 6] |= 1L << index;
                continue;
            }
            for (LiteralAtom atom : atoms) {
                Integer id = atomIds.get(atom);
                if (id == null) {
                    id = atomIds.size();
                    atomIds.put(atom, id);
                    rulesByAtom.add(new ArrayList<>());
                }
                List<Integer> triggered = rulesByAtom.get(id);
                if (triggered.isEmpty() || triggered.get(triggered.size() - 1) != index) {
                    triggered.add(index);
                }
            }
            // An alternative's slot must scan the fields its atoms live in (all alternatives' atoms
            // are the rule's atoms, and any of them may be what the event holds).
            for (TreeRuleset.CompiledAlternative alternative : rules[index].alternatives) {
                for (LiteralAtom atom : atoms) {
                    if (atom.fieldId() == LiteralAtom.ANY_FIELD) {
                        anyFieldBySlot[alternative.alternativeIndex] = true;
                    }
                    else {
                        fieldsBySlot.get(alternative.alternativeIndex).add(atom.fieldId());
                    }
                }
            }
        }

        List<List<String>> literalsByField = new ArrayList<>(fieldCount + 1);
        List<List<Integer>> idsByField = new ArrayList<>(fieldCount + 1);
        for (int field = 0; field <= fieldCount; field++) {
            literalsByField.add(new ArrayList<>());
            idsByField.add(new ArrayList<>());
        }
        for (Map.Entry<LiteralAtom, Integer> entry : atomIds.entrySet()) {
            // The last list holds the keyword atoms.
            int field = entry.getKey().fieldId() == LiteralAtom.ANY_FIELD ? fieldCount : entry.getKey().fieldId();
            literalsByField.get(field).add(searched(entry.getKey().literal()));
            idsByField.get(field).add(entry.getValue());
        }
        LiteralAutomaton[] byField = new LiteralAutomaton[fieldCount];
        for (int field = 0; field < fieldCount; field++) {
            byField[field] = automaton(literalsByField.get(field), idsByField.get(field));
        }
        LiteralAutomaton anyField = automaton(literalsByField.get(fieldCount), idsByField.get(fieldCount));

        int[][] atomRules = new int[rulesByAtom.size()][];
        for (int atom = 0; atom < atomRules.length; atom++) {
            atomRules[atom] = rulesByAtom.get(atom).stream().mapToInt(Integer::intValue).toArray();
        }
        int[][] slotFields = new int[slots][];
        for (int slot = 0; slot < slots; slot++) {
            // Only fields that have an automaton: another rule's atoms may be the only reason a field is listed.
            slotFields[slot] = fieldsBySlot.get(slot).stream().mapToInt(Integer::intValue).filter(field -> byField[field] != null).toArray();
        }
        return new LiteralPrefilter(byField, anyField, atomRules, unfiltered, slotFields, anyFieldBySlot);
    }

    /**
     * The part of a required literal the automaton looks for: any part of it is required too, and
     * past a dozen characters a literal is about as selective as it gets while the automaton's
     * states (and cache misses) grow with every character. The end is kept because rule literals
     * are mostly paths and file names, whose ends say the most.
     */
    static String searched(String literal)
    {
        return literal.length() <= SEARCHED_LENGTH ? literal : literal.substring(literal.length() - SEARCHED_LENGTH);
    }

    private static LiteralAutomaton automaton(List<String> literals, List<Integer> ids)
    {
        if (literals.isEmpty()) {
            return null;
        }
        return LiteralAutomaton.build(literals, ids.stream().mapToInt(Integer::intValue).toArray(), true);
    }

    /** Rules that require no literal and are always decided by their trees. */
    int unfilteredRules()
    {
        return unfilteredCount;
    }

    int atoms()
    {
        return rulesByAtom.length;
    }

    Scan newScan(int rules)
    {
        return new Scan(rules);
    }

    /**
     * Per-thread state of one event's scan: which atoms were found, which rules they wake, which
     * fields were already scanned. A generation stamp resets it without clearing arrays.
     */
    final class Scan
            implements LiteralAutomaton.Hits
    {
        private final long[] triggered;
        private final int[] atomStamp;
        private final int[] fieldStamp;
        private int generation;
        private boolean anyFieldScanned;

        private Scan(int rules)
        {
            this.triggered = new long[(rules + 63) >>> 6];
            this.atomStamp = new int[rulesByAtom.length];
            this.fieldStamp = new int[byField.length];
        }

        void begin()
        {
            if (generation == Integer.MAX_VALUE) {
                Arrays.fill(atomStamp, 0);
                Arrays.fill(fieldStamp, 0);
                generation = 0;
            }
            generation++;
            anyFieldScanned = false;
            Arrays.fill(triggered, 0);
        }

        /** Scans the fields that the rules of an accepted logsource slot look for literals in. */
        void scanSlot(int slot, EvalContext context)
        {
            for (int field : fieldsBySlot[slot]) {
                if (fieldStamp[field] == generation) {
                    continue;
                }
                fieldStamp[field] = generation;
                String value = context.value(field);
                if (value != null) {
                    byField[field].scan(value, this);
                }
            }
            if (anyFieldBySlot[slot] && !anyFieldScanned && anyField != null) {
                anyFieldScanned = true;
                EventFields fields = context.fields();
                for (int i = 0; i < fields.size(); i++) {
                    anyField.scan(fields.value(i), this);
                }
            }
        }

        /** Keeps, of the candidates, the rules that require no literal or had one found. */
        void restrict(long[] candidates)
        {
            for (int word = 0; word < candidates.length; word++) {
                candidates[word] &= unfiltered[word] | triggered[word];
            }
        }

        @Override
        public void found(int atom)
        {
            if (atomStamp[atom] == generation) {
                return;
            }
            atomStamp[atom] = generation;
            for (int rule : rulesByAtom[atom]) {
                triggered[rule >>> 6] |= 1L << rule;
            }
        }
    }
}
