package dev.tradecraft.sigma.automaton;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.sigma.value.CaseFolding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds every occurrence of many literals in one left-to-right pass over a text (Aho–Corasick),
 * compiled to a full transition table so each character costs one array read whatever the number of
 * literals. Immutable and thread-safe.
 *
 * <p>Characters that occur in no literal share one class, and so do all characters outside ASCII,
 * so the table has one column per distinct ASCII literal character plus two. The price: a literal
 * with a character outside ASCII is also reported where the text has another such character in
 * that place. Callers use hits as a filter and verify, so a hit may be false but a literal that
 * occurs is never missed. Case-insensitive search: give folded literals and {@code foldText}.
 */
public final class LiteralAutomaton
{
    /** Receives the literals found; called once per occurrence, in text order. */
    @FunctionalInterface
    public interface Hits
    {
        /** @param end the index in the text just after the occurrence */
        void found(int literalId, int end);
    }

    private final int[] asciiClass;
    private final int wideClass;
    private final int classes;
    private final int[] next;
    // outputs[outputStart[s] .. outputStart[s + 1]) are the ids of the literals that end at state s,
    // including those that end there through a suffix, so a scan never follows failure links.
    private final int[] outputStart;
    private final int[] outputs;
    private final int literalCount;
    private final boolean foldText;

    private LiteralAutomaton(int[] asciiClass, int wideClass, int classes, int[] next, int[] outputStart, int[] outputs, int literalCount,
            boolean foldText)
    {
        this.foldText = foldText;
        this.asciiClass = asciiClass;
        this.wideClass = wideClass;
        this.classes = classes;
        this.next = next;
        this.outputStart = outputStart;
        this.outputs = outputs;
        this.literalCount = literalCount;
    }

    /**
     * @param literals the texts to find, none empty
     * @param ids the id reported for each literal (equal literals may share or differ in ids)
     * @param foldText whether {@link #scan} folds each text character ({@link CaseFolding}) before
     *        comparing: with folded literals, a case-insensitive search that allocates nothing
     */
    public static LiteralAutomaton build(List<String> literals, int[] ids, boolean foldText)
    {
        requireNonNull(literals, "literals is null");
        requireNonNull(ids, "ids is null");
        if (ids.length != literals.size()) {
            throw new IllegalArgumentException(literals.size() + " literals but " + ids.length + " ids");
        }
        TreeSet<Character> alphabet = new TreeSet<>();
        for (String literal : literals) {
            requireNonNull(literal, "literal is null");
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("empty literal: it would match everywhere");
            }
            for (int i = 0; i < literal.length(); i++) {
                alphabet.add(literal.charAt(i));
            }
        }
        int[] asciiClass = new int[128];
        int classes = 1;
        boolean anyWide = false;
        for (char c : alphabet) {
            if (c < 128) {
                asciiClass[c] = classes++;
            }
            else {
                anyWide = true;
            }
        }
        // Every character outside ASCII shares one class: a table row per distinct character would
        // multiply the table by the thousand-odd such characters rule sets hold (dash variants,
        // homoglyphs, UTF-16 bytes), for literals that are rare.
        int wideClass = anyWide ? classes++ : 0;
        if (foldText) {
            for (int c = 0; c < 128; c++) {
                asciiClass[c] = asciiClass[CaseFolding.fold((char) c)];
            }
        }

        // The trie, with children in hash maps while it grows.
        List<Map<Integer, Integer>> children = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        children.add(new HashMap<>());
        ends.add(new ArrayList<>());
        for (int l = 0; l < literals.size(); l++) {
            String literal = literals.get(l);
            int state = 0;
            for (int i = 0; i < literal.length(); i++) {
                char ch = literal.charAt(i);
                int c = ch < 128 ? asciiClass[ch] : wideClass;
                Integer child = children.get(state).get(c);
                if (child == null) {
                    child = children.size();
                    children.get(state).put(c, child);
                    children.add(new HashMap<>());
                    ends.add(new ArrayList<>());
                }
                state = child;
            }
            ends.get(state).add(ids[l]);
        }

        int states = children.size();
        long cells = (long) states * classes;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("automaton too large: " + states + " states × " + classes + " classes");
        }
        int[] next = new int[(int) cells];
        int[] fail = new int[states];
        List<int[]> merged = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            merged.add(null);
        }
        merged.set(0, toArray(ends.get(0)));
        // Breadth first, so a state's failure target is complete before the state is.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < classes; c++) {
            Integer child = children.get(0).get(c);
            if (child != null) {
                next[c] = child;
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int[] own = toArray(ends.get(state));
            int[] inherited = merged.get(fail[state]);
            merged.set(state, concat(own, inherited));
            int row = state * classes;
            int failRow = fail[state] * classes;
            for (int c = 0; c < classes; c++) {
                Integer child = children.get(state).get(c);
                if (child != null) {
                    next[row + c] = child;
                    fail[child] = next[failRow + c];
                    queue.add(child);
                }
                else {
                    next[row + c] = next[failRow + c];
                }
            }
        }
        int[] outputStart = new int[states + 1];
        int total = 0;
        for (int s = 0; s < states; s++) {
            outputStart[s] = total;
            total += merged.get(s).length;
        }
        outputStart[states] = total;
        int[] outputs = new int[total];
        for (int s = 0; s < states; s++) {
            int[] out = merged.get(s);
            System.arraycopy(out, 0, outputs, outputStart[s], out.length);
        }
        // The scan's table: each entry is the target's row offset (no multiply per character), or,
        // when the target has outputs, its state number bit-inverted (one sign test per character
        // instead of two loads).
        for (int cell = 0; cell < next.length; cell++) {
            int target = next[cell];
            next[cell] = outputStart[target] == outputStart[target + 1] ? target * classes : ~target;
        }
        return new LiteralAutomaton(asciiClass, wideClass, classes, next, outputStart, outputs, literals.size(), foldText);
    }

    /** Reports every occurrence of every literal in {@code text}. */
    public void scan(String text, Hits hits)
    {
        scan(text, hits, null, 0, 0);
    }

    /**
     * Reports where literals occur, but in the middle of the text only the first time the scan
     * reaches each state: every literal is still reported at least once, and every occurrence
     * that ends within the first {@code startRegion} characters or at the very end is reported,
     * which is what a filter that asks "found? at the start? at the end?" needs. Short literals
     * recur all through long values; this keeps their cost to one report.
     *
     * @param visited per-caller scratch of at least {@link #states()} entries
     * @param stamp a value not used with {@code visited} before (older stamps are ignored)
     */
    public void scanDistinct(String text, Hits hits, int[] visited, int stamp, int startRegion)
    {
        scan(text, hits, visited, stamp, startRegion);
    }

    private void scan(String text, Hits hits, int[] visited, int stamp, int startRegion)
    {
        int[] next = this.next;
        int[] asciiClass = this.asciiClass;
        int row = 0;
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            int target = next[row + (c < 128 ? asciiClass[c] : wideClassOf(c))];
            if (target >= 0) {
                row = target;
                continue;
            }
            int state = ~target;
            row = state * classes;
            if (visited != null && i >= startRegion && i != last) {
                if (visited[state] == stamp) {
                    continue;
                }
                visited[state] = stamp;
            }
            for (int o = outputStart[state], to = outputStart[state + 1]; o < to; o++) {
                hits.found(outputs[o], i + 1);
            }
        }
    }

    public int literalCount()
    {
        return literalCount;
    }

    /** Number of states (trie nodes), for sizing reports. */
    public int states()
    {
        return outputStart.length - 1;
    }

    /** Bytes held by the transition and output tables. */
    public long tableBytes()
    {
        return 4L * (next.length + outputStart.length + outputs.length);
    }

    private int wideClassOf(char c)
    {
        char compared = foldText ? CaseFolding.fold(c) : c;
        // Some characters fold into ASCII: the Kelvin sign to 'k', the long s to 's'.
        return compared < 128 ? asciiClass[compared] : wideClass;
    }

    private static int[] toArray(List<Integer> values)
    {
        int[] result = new int[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    private static int[] concat(int[] first, int[] second)
    {
        if (second.length == 0) {
            return first;
        }
        if (first.length == 0) {
            return second;
        }
        int[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    @Override
    public String toString()
    {
        return "LiteralAutomaton(" + literalCount + " literals, " + states() + " states, " + classes + " classes)";
    }
}
