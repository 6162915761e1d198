package dev.tradecraft.sigma;

import dev.tradecraft.core.EventFields;
import dev.tradecraft.sigma.automaton.LiteralAutomaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Scans each event field the event's logsources need once, with one {@link LiteralAutomaton} per
 * field holding the literals of all rules, and keeps what it found as bits:
 * <ul>
 * <li>which rules can match at all: each rule requires at least one of a few literals (its
 * {@link EvalNode#requiredLiterals() required literals}); a rule none of whose literals occurs is
 * not evaluated, and the rules that require no literal always are;</li>
 * <li>whether each literal was found anywhere, at the start, at the end, or as the whole value, so
 * rule leaves of the form contains / startswith / endswith / equals a literal read a bit instead of
 * comparing strings ({@code ValueTest.scanned}).</li>
 * </ul>
 * Case is folded as the scan reads, so no folded copy of a value is made. Immutable.
 */
final class LiteralPrefilter
{
    /** Longest literal a rule leaf is decided by the scan for; longer ones compare strings. */
    static final int DECIDED_LENGTH = 32;
    /** Longer required literals are searched by their last characters only. */
    static final int SEARCHED_LENGTH = 12;

    /** Scanned values a thread remembers (a power of two), and the longest one it keeps. */
    private static final int REMEMBERED = 8192;
    private static final int REMEMBERED_LENGTH = 4096;

    static final int FOUND = 1;
    static final int AT_START = 2;
    static final int AT_END = 4;
    static final int WHOLE = 8;

    private final LiteralAutomaton[] byField;
    private final LiteralAutomaton anyField;
    private final int[][] rulesByAtom;
    private final int[] atomLength;
    private final long[] unfiltered;
    private final int[][] fieldsBySlot;
    private final boolean[] anyFieldBySlot;
    private final int unfilteredCount;

    private LiteralPrefilter(LiteralAutomaton[] byField, LiteralAutomaton anyField, int[][] rulesByAtom, int[] atomLength, long[] unfiltered,
            int[][] fieldsBySlot, boolean[] anyFieldBySlot)
    {
        this.byField = byField;
        this.anyField = anyField;
        this.rulesByAtom = rulesByAtom;
        this.atomLength = atomLength;
        this.unfiltered = unfiltered;
        this.fieldsBySlot = fieldsBySlot;
        this.anyFieldBySlot = anyFieldBySlot;
        int count = 0;
        for (long word : unfiltered) {
            count += Long.bitCount(word);
        }
        this.unfilteredCount = count;
    }

    /**
     * @param atoms the atoms rule leaves already read (they are searched too); the rules' required
     *        literals are added to it
     */
    static LiteralPrefilter build(TreeRuleset.CompiledRule[] rules, AtomTable atoms, int fieldCount, int slots)
    {
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
                for (int field : alternative.scannedFields) {
                    fieldsBySlot.get(alternative.alternativeIndex).add(field);
                }
            }
            List<LiteralAtom> required = LiteralAtom.union(perAlternative);
            if (required == null) {
                unfiltered[index >>> 6] |= 1L << index;
                continue;
            }
            for (LiteralAtom atom : required) {
                int id = atoms.id(new LiteralAtom(atom.fieldId(), searched(atom.literal())));
                while (rulesByAtom.size() <= id) {
                    rulesByAtom.add(new ArrayList<>());
                }
                List<Integer> woken = rulesByAtom.get(id);
                if (woken.isEmpty() || woken.get(woken.size() - 1) != index) {
                    woken.add(index);
                }
                // Any of the rule's literals may be the one the event holds, whichever alternative it is of.
                for (TreeRuleset.CompiledAlternative alternative : rules[index].alternatives) {
                    if (atom.fieldId() == LiteralAtom.ANY_FIELD) {
                        anyFieldBySlot[alternative.alternativeIndex] = true;
                    }
                    else {
                        fieldsBySlot.get(alternative.alternativeIndex).add(atom.fieldId());
                    }
                }
            }
        }

        // One literal list per field; the last holds the keyword atoms, searched in every field.
        List<List<String>> literalsByField = new ArrayList<>(fieldCount + 1);
        List<List<Integer>> idsByField = new ArrayList<>(fieldCount + 1);
        for (int field = 0; field <= fieldCount; field++) {
            literalsByField.add(new ArrayList<>());
            idsByField.add(new ArrayList<>());
        }
        int[] atomLength = new int[atoms.size()];
        for (int id = 0; id < atoms.size(); id++) {
            LiteralAtom atom = atoms.atom(id);
            int field = atom.fieldId() == LiteralAtom.ANY_FIELD ? fieldCount : atom.fieldId();
            literalsByField.get(field).add(atom.literal());
            idsByField.get(field).add(id);
            atomLength[id] = atom.literal().length();
        }
        LiteralAutomaton[] byField = new LiteralAutomaton[fieldCount];
        for (int field = 0; field < fieldCount; field++) {
            byField[field] = automaton(literalsByField.get(field), idsByField.get(field));
        }
        LiteralAutomaton anyField = automaton(literalsByField.get(fieldCount), idsByField.get(fieldCount));

        int[][] atomRules = new int[atoms.size()][];
        for (int id = 0; id < atomRules.length; id++) {
            atomRules[id] = id < rulesByAtom.size() ? rulesByAtom.get(id).stream().mapToInt(Integer::intValue).toArray() : new int[0];
        }
        int[][] slotFields = new int[slots][];
        for (int slot = 0; slot < slots; slot++) {
            slotFields[slot] = fieldsBySlot.get(slot).stream().mapToInt(Integer::intValue).filter(field -> byField[field] != null).toArray();
        }
        return new LiteralPrefilter(byField, anyField, atomRules, atomLength, unfiltered, slotFields, anyFieldBySlot);
    }

    /**
     * The part of a required literal that wakes its rule: all of it when a leaf may be decided by
     * it anyway, else its end. Any part of a required literal is required too, and past a dozen
     * characters a literal is about as selective as it gets while the automaton's states (and cache
     * misses) grow with every character. The end is kept because rule literals are mostly paths
     * and file names, whose ends say the most.
     */
    static String searched(String literal)
    {
        return literal.length() <= DECIDED_LENGTH ? literal : literal.substring(literal.length() - SEARCHED_LENGTH);
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
        return atomLength.length;
    }

    Scan newScan(int rules)
    {
        return new Scan(rules);
    }

    /**
     * Per-thread state of one event's scan: where each atom was found, which rules that wakes,
     * which fields were already scanned. A generation stamp resets it without clearing arrays.
     */
    final class Scan
            implements LiteralAutomaton.Hits
    {
        private final long[] triggered;
        private final int[] atomStamp;
        private final int[] atomFlags;
        private final int[] fieldStamp;
        // Per field automaton, the states this thread's scans have reached, stamped by scanStamp.
        private final int[][] visited;
        private int scanStamp;
        private int generation;
        // What the scan of a value found, as (atom, flags) pairs, while it runs…
        private int[] recording = new int[64];
        private int recorded;
        // …and the last values scanned, direct-mapped by hash: field slot, value, pairs.
        private final int[] rememberedSlot = new int[REMEMBERED];
        private final String[] rememberedValue = new String[REMEMBERED];
        private final int[][] rememberedFound = new int[REMEMBERED][];
        private boolean anyFieldScanned;
        private int textLength;

        private Scan(int rules)
        {
            this.triggered = new long[(rules + 63) >>> 6];
            this.atomStamp = new int[atomLength.length];
            this.atomFlags = new int[atomLength.length];
            this.fieldStamp = new int[byField.length];
            this.visited = new int[byField.length + 1][];
            Arrays.fill(rememberedSlot, -1);
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

        /** Scans the fields that the rules of an accepted logsource slot read literals of. */
        void scanSlot(int slot, EvalContext context)
        {
            for (int field : fieldsBySlot[slot]) {
                if (fieldStamp[field] == generation) {
                    continue;
                }
                fieldStamp[field] = generation;
                String value = context.value(field);
                if (value != null) {
                    scan(field, byField[field], value);
                }
            }
            if (anyFieldBySlot[slot] && !anyFieldScanned && anyField != null) {
                anyFieldScanned = true;
                EventFields fields = context.fields();
                for (int i = 0; i < fields.size(); i++) {
                    scan(byField.length, anyField, fields.value(i));
                }
            }
        }

        private void scan(int slot, LiteralAutomaton automaton, String value)
        {
            // Field values recur (the same image path, hashes, command line on every host), and a
            // value's scan depends on nothing else: replay a remembered one instead of rescanning.
            int index = (value.hashCode() * 31 + slot) & (REMEMBERED - 1);
            if (rememberedSlot[index] == slot && value.equals(rememberedValue[index])) {
                int[] found = rememberedFound[index];
                for (int i = 0; i < found.length; i += 2) {
                    apply(found[i], found[i + 1]);
                }
                return;
            }
            int[] states = visited[slot];
            if (states == null) {
                states = new int[automaton.states()];
                visited[slot] = states;
            }
            if (++scanStamp == Integer.MAX_VALUE) {
                for (int[] stamps : visited) {
                    if (stamps != null) {
                        Arrays.fill(stamps, 0);
                    }
                }
                scanStamp = 1;
            }
            textLength = value.length();
            recorded = 0;
            automaton.scanDistinct(value, this, states, scanStamp, DECIDED_LENGTH);
            if (value.length() <= REMEMBERED_LENGTH) {
                rememberedSlot[index] = slot;
                rememberedValue[index] = value;
                rememberedFound[index] = Arrays.copyOf(recording, recorded);
            }
        }

        /** Keeps, of the candidates, the rules that require no literal or had one found. */
        void restrict(long[] candidates)
        {
            for (int word = 0; word < candidates.length; word++) {
                candidates[word] &= unfiltered[word] | triggered[word];
            }
        }

        /**
         * Whether the atom was found in this event as {@code mode} says: {@link #FOUND} anywhere,
         * {@link #AT_START}, {@link #AT_END}, or as the {@link #WHOLE} value.
         */
        boolean has(int atom, int mode)
        {
            return atomStamp[atom] == generation && (atomFlags[atom] & mode) != 0;
        }

        @Override
        public void found(int atom, int end)
        {
            boolean atStart = end == atomLength[atom];
            boolean atEnd = end == textLength;
            int flags = FOUND | (atStart ? AT_START : 0) | (atEnd ? AT_END : 0) | (atStart && atEnd ? WHOLE : 0);
            if (recorded + 2 > recording.length) {
                recording = Arrays.copyOf(recording, recording.length * 2);
            }
            recording[recorded++] = atom;
            recording[recorded++] = flags;
            apply(atom, flags);
        }

        private void apply(int atom, int flags)
        {
            if (atomStamp[atom] == generation) {
                atomFlags[atom] |= flags;
                return;
            }
            atomStamp[atom] = generation;
            atomFlags[atom] = flags;
            for (int rule : rulesByAtom[atom]) {
                triggered[rule >>> 6] |= 1L << rule;
            }
        }
    }
}
