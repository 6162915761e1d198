package dev.tradecraft.sigma.value;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What can be known of a regular expression without running it, so cheap checks can rule it out
 * before RE2/J (whose automaton costs far more per character than a literal search) runs.
 * Deliberately conservative: anything not understood yields the answer that rules nothing out.
 */
public final class RegexFacts
{
    private RegexFacts() {}

    /** How deeply groups nest in the pattern (escapes and classes skipped). */
    public static int groupDepth(String pattern)
    {
        requireNonNull(pattern, "pattern is null");
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            }
            else if (c == '[') {
                int close = closingBracket(pattern, i);
                if (close < 0) {
                    return deepest;
                }
                i = close;
            }
            else if (c == '(') {
                deepest = Math.max(deepest, ++depth);
            }
            else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }

    /**
     * About how many instructions the expression compiles to once counted repetitions are
     * expanded ({@code (a{1000}){1000}} is a million): RE2/J builds them all, so a hostile rule
     * could exhaust memory. Loops ({@code * + ?}) count once, as they compile to a loop; the
     * result saturates instead of overflowing. Call after {@link #groupDepth} is known to be sane.
     */
    public static long expandedSize(String pattern)
    {
        requireNonNull(pattern, "pattern is null");
        int[] position = {0};
        long size = 0;
        while (position[0] < pattern.length()) {
            // A stray ')' at the top level: count past it.
            size = saturatedAdd(size, expandedAlternation(pattern, position));
            position[0]++;
        }
        return size;
    }

    private static long expandedAlternation(String pattern, int[] position)
    {
        long size = 0;
        while (position[0] < pattern.length()) {
            char c = pattern.charAt(position[0]);
            if (c == ')') {
                return size;
            }
            if (c == '|') {
                position[0]++;
                continue;
            }
            long atom = 1;
            if (c == '(') {
                position[0]++;
                atom = Math.max(1, expandedAlternation(pattern, position));
                position[0]++;
            }
            else if (c == '[') {
                int close = closingBracket(pattern, position[0]);
                position[0] = close < 0 ? pattern.length() : close + 1;
            }
            else if (c == '\\') {
                position[0] += 2;
            }
            else {
                position[0]++;
            }
            size = saturatedAdd(size, saturatedMultiply(atom, maximumRepeat(pattern, position)));
        }
        return size;
    }

    /** Reads a quantifier after an atom, if any: how many copies RE2/J compiles (1 for loops). */
    private static long maximumRepeat(String pattern, int[] position)
    {
        int i = position[0];
        if (i >= pattern.length() || pattern.charAt(i) != '{') {
            if (i < pattern.length() && "*+?".indexOf(pattern.charAt(i)) >= 0) {
                position[0] = skipQuantifier(pattern, i);
            }
            return 1;
        }
        int close = pattern.indexOf('}', i);
        String body = close < 0 ? "" : pattern.substring(i + 1, close);
        String[] bounds = body.split(",", -1);
        if (close < 0 || bounds.length > 2 || !bounds[0].chars().allMatch(Character::isDigit) || bounds[0].isEmpty()
                || (bounds.length == 2 && !bounds[1].chars().allMatch(Character::isDigit))) {
            // Not a counted repetition: RE2 reads the brace literally.
            return 1;
        }
        position[0] = skipQuantifier(pattern, i);
        String high = bounds.length == 2 ? (bounds[1].isEmpty() ? bounds[0] : bounds[1]) : bounds[0];
        if (high.length() > 6) {
            return Long.MAX_VALUE / 4;
        }
        return Math.max(1, Long.parseLong(high) + (bounds.length == 2 && bounds[1].isEmpty() ? 1 : 0));
    }

    private static long saturatedAdd(long a, long b)
    {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE / 2 : Math.min(sum, Long.MAX_VALUE / 2);
    }

    private static long saturatedMultiply(long a, long b)
    {
        return b != 0 && a > (Long.MAX_VALUE / 2) / b ? Long.MAX_VALUE / 2 : a * b;
    }

    /**
     * The fewest characters any match spans (0 when unknown); a value shorter than this cannot
     * contain a match. Counted in code points, so it never exceeds a match's length in UTF-16 units.
     */
    public static int minimumLength(String pattern)
    {
        requireNonNull(pattern, "pattern is null");
        if (pattern.contains("\\Q")) {
            return 0;
        }
        int[] position = {0};
        int length = alternation(pattern, position, 0);
        // A parse that did not consume the whole pattern saw something it does not understand.
        return position[0] == pattern.length() ? length : 0;
    }

    /** The minimum over {@code |}-separated branches, up to an unmatched {@code )} or the end. */
    private static final int MAX_DEPTH = 64;

    private static int alternation(String pattern, int[] position, int depth)
    {
        if (depth > MAX_DEPTH) {
            // A rule's regex nested this deep is hostile or generated; not worth a deep stack.
            position[0] = -1;
            return 0;
        }
        int best = sequence(pattern, position, depth);
        while (position[0] >= 0 && position[0] < pattern.length() && pattern.charAt(position[0]) == '|') {
            position[0]++;
            best = Math.min(best, sequence(pattern, position, depth));
        }
        return best;
    }

    private static int sequence(String pattern, int[] position, int depth)
    {
        long total = 0;
        while (position[0] < pattern.length()) {
            char c = pattern.charAt(position[0]);
            if (c == '|' || c == ')') {
                break;
            }
            int atom;
            if (c == '(') {
                int close = closingParen(pattern, position[0]);
                if (close < 0) {
                    position[0] = -1;
                    return 0;
                }
                int[] inner = {position[0] + 1};
                if (inner[0] < close && pattern.charAt(inner[0]) == '?') {
                    // (?:…), (?i), (?P<name>…): skip the group's flags or name to its body.
                    int colon = pattern.indexOf(':', inner[0]);
                    int gt = pattern.indexOf('>', inner[0]);
                    if (pattern.startsWith("?P<", inner[0]) && gt > 0 && gt < close) {
                        inner[0] = gt + 1;
                    }
                    else if (colon > 0 && colon < close && flagsOnly(pattern, inner[0] + 1, colon)) {
                        inner[0] = colon + 1;
                    }
                    else if (flagsOnly(pattern, inner[0] + 1, close)) {
                        inner[0] = close;
                    }
                    else {
                        position[0] = -1;
                        return 0;
                    }
                }
                atom = alternation(pattern, inner, depth + 1);
                if (inner[0] != close) {
                    position[0] = -1;
                    return 0;
                }
                position[0] = close + 1;
            }
            else if (c == '[') {
                int close = closingBracket(pattern, position[0]);
                if (close < 0) {
                    position[0] = -1;
                    return 0;
                }
                atom = 1;
                position[0] = close + 1;
            }
            else if (c == '\\') {
                if (position[0] + 1 >= pattern.length()) {
                    position[0] = -1;
                    return 0;
                }
                char escaped = pattern.charAt(position[0] + 1);
                if ("bBAz".indexOf(escaped) >= 0) {
                    atom = 0;
                }
                else if ((escaped < 128 && !Character.isLetterOrDigit(escaped)) || "dDwWsSntrfv".indexOf(escaped) >= 0) {
                    atom = 1;
                }
                else {
                    // \x{…}, \p{…}, octal: one character, but of a length this reader does not parse.
                    position[0] = -1;
                    return 0;
                }
                position[0] += 2;
            }
            else if (c == '^' || c == '$') {
                atom = 0;
                position[0]++;
            }
            else if (c == '*' || c == '+' || c == '?' || c == '{') {
                position[0] = -1;
                return 0;
            }
            else {
                atom = 1;
                position[0] += Character.charCount(pattern.codePointAt(position[0]));
            }
            int repeat = minimumRepeat(pattern, position);
            if (repeat < 0) {
                position[0] = -1;
                return 0;
            }
            total += (long) atom * repeat;
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /** Reads a quantifier after an atom, if any: its minimum count (1 without one), or -1. */
    private static int minimumRepeat(String pattern, int[] position)
    {
        int i = position[0];
        if (i >= pattern.length()) {
            return 1;
        }
        char c = pattern.charAt(i);
        int minimum;
        if (c == '*' || c == '?') {
            minimum = 0;
            i++;
        }
        else if (c == '+') {
            minimum = 1;
            i++;
        }
        else if (c == '{') {
            int close = pattern.indexOf('}', i);
            if (close < 0) {
                return -1;
            }
            String body = pattern.substring(i + 1, close);
            String low = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
            if (low.isEmpty() || low.length() > 4 || !low.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            minimum = Integer.parseInt(low);
            i = close + 1;
        }
        else {
            return 1;
        }
        if (i < pattern.length() && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
            i++;
        }
        position[0] = i;
        return minimum;
    }

    private static boolean flagsOnly(String pattern, int from, int to)
    {
        for (int i = from; i < to; i++) {
            if ("imsU-".indexOf(pattern.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Literals of which every match contains at least one, folded as case-insensitive Sigma
     * matching folds (a match's folded text contains one whether or not the expression ignores
     * case); empty when nothing is known. They come from the strongest run of adjacent required
     * positions in the top-level concatenation, where a position is a character or a small class
     * such as {@code [ "']} (so {@code \.[ "']} gives ". ", ".\"" and ".'"). Never reads inside
     * groups, and gives up on any top-level alternation.
     */
    public static List<String> requiredLiterals(String pattern)
    {
        requireNonNull(pattern, "pattern is null");
        if (pattern.contains("\\Q")) {
            return List.of();
        }
        return requiredLiterals(pattern, 0);
    }

    /**
     * Every literal set a match must meet, each as in {@link #requiredLiterals} (one of its
     * literals occurs): all the runs and required groups of the top-level concatenation, at most
     * eight, so a check can demand each of them ({@code \\s-\\s*<} needs "-" and "<").
     */
    public static List<List<String>> requiredLiteralSets(String pattern)
    {
        requireNonNull(pattern, "pattern is null");
        if (pattern.contains("\\Q")) {
            return List.of();
        }
        if (hasTopLevelAlternation(pattern)) {
            List<String> union = alternatives(pattern, 0);
            return union.isEmpty() ? List.of() : List.of(union);
        }
        List<List<String>> sets = new ArrayList<>();
        for (List<String> set : runs(pattern, 0).all) {
            if (!sets.contains(set) && sets.size() < MAX_SETS) {
                sets.add(set);
            }
        }
        return List.copyOf(sets);
    }

    private static final int MAX_SETS = 8;

    private static List<String> requiredLiterals(String pattern, int depth)
    {
        if (hasTopLevelAlternation(pattern)) {
            return alternatives(pattern, depth);
        }
        return runs(pattern, depth).best;
    }

    private static Runs runs(String pattern, int depth)
    {
        Runs runs = new Runs();
        int i = 0;
        int length = pattern.length();
        while (i < length) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= length) {
                    break;
                }
                char escaped = pattern.charAt(i + 1);
                if (escaped < 128 && !Character.isLetterOrDigit(escaped)) {
                    i = runs.position(new char[] {escaped}, pattern, i + 2);
                    continue;
                }
                if ("dDwWsSbBAz".indexOf(escaped) >= 0) {
                    runs.cut();
                    i = skipQuantifier(pattern, i + 2);
                    continue;
                }
                // \x41, \p{L}, back references…: stop reading; runs before stay required.
                break;
            }
            if (c == '(' || c == '[') {
                int close = c == '(' ? closingParen(pattern, i) : closingBracket(pattern, i);
                if (close < 0) {
                    break;
                }
                char[] members = c == '[' ? smallClass(pattern, i, close) : null;
                if (members != null) {
                    i = runs.position(members, pattern, close + 1);
                    continue;
                }
                runs.cut();
                if (c == '(' && depth < MAX_DEPTH && requiredAtLeastOnce(pattern, close + 1)) {
                    // A group that must match: what its body requires is required too, e.g. one of
                    // its branches' literals (programdata | %appdata% | \appdata\).
                    int body = groupBody(pattern, i, close);
                    if (body >= 0) {
                        runs.candidate(requiredLiterals(pattern.substring(body, close), depth + 1));
                    }
                }
                i = skipQuantifier(pattern, close + 1);
                continue;
            }
            if (c == '.' || c == '^' || c == '$' || c >= 128) {
                runs.cut();
                i = skipQuantifier(pattern, i + 1);
                continue;
            }
            if (c == '*' || c == '+' || c == '?' || c == '{' || c == '|' || c == ')') {
                // A quantifier with nothing before it, or a stray closer: not a pattern to reason about.
                break;
            }
            i = runs.position(new char[] {c}, pattern, i + 1);
        }
        runs.cut();
        return runs;
    }

    /**
     * The longest run of one character class that every match contains ({@code [a-f0-9]{64}},
     * {@code \\d{8,}}), read from the top-level concatenation only; empty when there is none of at
     * least four characters or the expression is not read (top-level alternation, {@code \\Q}).
     *
     * @param ignoreCase whether the expression is case-insensitive (also assumed when it holds
     *        an inline {@code (?i)})
     */
    public static Optional<ClassRun> requiredClassRun(String pattern, boolean ignoreCase)
    {
        requireNonNull(pattern, "pattern is null");
        if (pattern.contains("\\Q") || hasTopLevelAlternation(pattern)) {
            return Optional.empty();
        }
        boolean folding = ignoreCase || inlineIgnoreCase(pattern);
        ClassRun best = null;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            boolean[] members = null;
            int next;
            if (c == '[') {
                int close = closingBracket(pattern, i);
                if (close < 0) {
                    break;
                }
                members = classMembers(pattern, i, close);
                next = close + 1;
            }
            else if (c == '\\' && i + 1 < pattern.length()) {
                char escaped = pattern.charAt(i + 1);
                members = new boolean[128];
                if (!addShorthand(escaped, members)) {
                    members = null;
                }
                next = i + 2;
            }
            else if (c == '(') {
                int close = closingParen(pattern, i);
                if (close < 0) {
                    break;
                }
                next = close + 1;
            }
            else {
                next = i + 1;
            }
            int least = leastCount(pattern, next);
            if (members != null && least >= MIN_CLASS_RUN && (best == null || least > best.length())) {
                if (folding) {
                    for (char letter = 'a'; letter <= 'z'; letter++) {
                        boolean either = members[letter] || members[Character.toUpperCase(letter)];
                        members[letter] = either;
                        members[Character.toUpperCase(letter)] = either;
                    }
                }
                best = new ClassRun(members, folding, least);
            }
            i = skipQuantifier(pattern, next);
        }
        return Optional.ofNullable(best);
    }

    private static final int MIN_CLASS_RUN = 4;

    /** Whether a flag group such as {@code (?i)} or {@code (?mi:…)} turns on case-insensitivity. */
    private static boolean inlineIgnoreCase(String pattern)
    {
        for (int open = pattern.indexOf("(?"); open >= 0; open = pattern.indexOf("(?", open + 2)) {
            for (int i = open + 2; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == 'i') {
                    return true;
                }
                if (!Character.isLetter(c) && c != '-') {
                    break;
                }
            }
        }
        return false;
    }

    /** The least count of a {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}, else 0. */
    private static int leastCount(String pattern, int i)
    {
        if (i >= pattern.length() || pattern.charAt(i) != '{') {
            return 0;
        }
        int close = pattern.indexOf('}', i);
        if (close < 0) {
            return 0;
        }
        String body = pattern.substring(i + 1, close);
        String low = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
        if (low.isEmpty() || low.length() > 4 || !low.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(low);
    }

    /** The ASCII members of a plain class ({@code [a-f0-9]}, {@code [\\w.-]}), or null when it is not one. */
    private static boolean[] classMembers(String pattern, int open, int close)
    {
        if (open + 1 < close && pattern.charAt(open + 1) == '^') {
            return null;
        }
        boolean[] members = new boolean[128];
        for (int i = open + 1; i < close; i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                char escaped = i + 1 < close ? pattern.charAt(i + 1) : 0;
                i++;
                if (addShorthand(escaped, members)) {
                    continue;
                }
                if (escaped == 0 || escaped >= 128 || Character.isLetterOrDigit(escaped)) {
                    return null;
                }
                c = escaped;
            }
            else if (c == '[' || c >= 128) {
                return null;
            }
            if (i + 2 < close && pattern.charAt(i + 1) == '-') {
                char high = pattern.charAt(i + 2);
                if (high == '\\') {
                    // A range to an escaped character: not worth reading, and not safe to half-read.
                    return null;
                }
                if (high >= 128 || high < c) {
                    return null;
                }
                for (char member = c; member <= high; member++) {
                    members[member] = true;
                }
                i += 2;
            }
            else {
                members[c] = true;
            }
        }
        return members;
    }

    /** Adds the members of RE2's {@code \\d}, {@code \\w} or {@code \\s}; false for any other escape. */
    private static boolean addShorthand(char escaped, boolean[] members)
    {
        switch (escaped) {
            case 'd' -> {
                for (char c = '0'; c <= '9'; c++) {
                    members[c] = true;
                }
            }
            case 'w' -> {
                for (char c = 0; c < 128; c++) {
                    members[c] |= Character.isLetterOrDigit(c) || c == '_';
                }
            }
            case 's' -> {
                for (char c : new char[] {'\t', '\n', '\f', '\r', ' '}) {
                    members[c] = true;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * For an expression with a top-level alternation: one literal set per branch, all together
     * (a match holds one of them), or nothing when some branch requires nothing.
     */
    private static List<String> alternatives(String pattern, int depth)
    {
        List<String> union = new ArrayList<>();
        int start = 0;
        int nesting = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            char c = i < pattern.length() ? pattern.charAt(i) : '|';
            if (i < pattern.length() && c == '\\') {
                i++;
            }
            else if (i < pattern.length() && c == '[') {
                int close = closingBracket(pattern, i);
                if (close < 0) {
                    return List.of();
                }
                i = close;
            }
            else if (c == '(' && i < pattern.length()) {
                nesting++;
            }
            else if (c == ')' && i < pattern.length()) {
                nesting--;
            }
            else if (c == '|' && nesting <= 0) {
                List<String> branch = depth < MAX_DEPTH ? requiredLiterals(pattern.substring(start, i), depth + 1) : List.of();
                if (branch.isEmpty()) {
                    return List.of();
                }
                for (String literal : branch) {
                    if (!union.contains(literal)) {
                        union.add(literal);
                    }
                }
                if (union.size() > MAX_LITERALS) {
                    return List.of();
                }
                start = i + 1;
            }
        }
        return List.copyOf(union);
    }

    /** Whether the quantifier at {@code i} (if any) still requires its atom at least once. */
    private static boolean requiredAtLeastOnce(String pattern, int i)
    {
        if (i >= pattern.length()) {
            return true;
        }
        char c = pattern.charAt(i);
        if (c == '*' || c == '?') {
            return false;
        }
        return c != '{' || leastCount(pattern, i) >= 1;
    }

    /** Where the body of the group opened at {@code open} starts, past {@code ?:}, flags or a name; -1 for other kinds. */
    private static int groupBody(String pattern, int open, int close)
    {
        int i = open + 1;
        if (i >= close || pattern.charAt(i) != '?') {
            return i;
        }
        if (pattern.startsWith("?P<", i)) {
            int gt = pattern.indexOf('>', i);
            return gt > 0 && gt < close ? gt + 1 : -1;
        }
        int colon = pattern.indexOf(':', i);
        if (colon > 0 && colon < close && flagsOnly(pattern, i + 1, colon)) {
            return colon + 1;
        }
        return -1;
    }

    private static final int MAX_CLASS = 4;
    private static final int MAX_LITERALS = 16;

    /** The folded members of a class of at most four ASCII characters, or null. */
    private static char[] smallClass(String pattern, int open, int close)
    {
        if (open + 1 < close && pattern.charAt(open + 1) == '^') {
            return null;
        }
        StringBuilder members = new StringBuilder();
        for (int i = open + 1; i < close; i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                char escaped = i + 1 < close ? pattern.charAt(i + 1) : 0;
                if (escaped == 0 || escaped >= 128 || Character.isLetterOrDigit(escaped)) {
                    return null;
                }
                c = escaped;
                i++;
            }
            else if (c == '[' || c >= 128) {
                return null;
            }
            if (i + 2 < close && pattern.charAt(i + 1) == '-') {
                char high = pattern.charAt(i + 2);
                if (high == '\\' || high < c || high - c >= MAX_CLASS) {
                    return null;
                }
                for (char member = c; member <= high; member++) {
                    add(members, member);
                }
                i += 2;
            }
            else {
                add(members, c);
            }
            if (members.length() > MAX_CLASS) {
                return null;
            }
        }
        return members.length() == 0 ? null : members.toString().toCharArray();
    }

    private static void add(StringBuilder members, char c)
    {
        char folded = WildcardMatcher.fold(String.valueOf(c)).charAt(0);
        if (members.indexOf(String.valueOf(folded)) < 0) {
            members.append(folded);
        }
    }

    /**
     * The run of adjacent required positions being read (as the literals it can spell), and the
     * strongest run so far: longest, then fewest literals.
     */
    private static final class Runs
    {
        private List<String> run = List.of();
        private int runLength;
        private List<String> best = List.of();
        private int bestLength;
        // Every run and required group seen, in pattern order.
        private final List<List<String>> all = new ArrayList<>();

        void cut()
        {
            if (runLength > 0) {
                all.add(run);
            }
            if (runLength > bestLength || (runLength == bestLength && runLength > 0 && run.size() < best.size())) {
                best = run;
                bestLength = runLength;
            }
            run = List.of();
            runLength = 0;
        }

        /** Offers literals required elsewhere (a group's); they compete by their shortest. */
        void candidate(List<String> literals)
        {
            if (literals.isEmpty() || literals.size() > MAX_LITERALS) {
                return;
            }
            all.add(literals);
            int shortest = Integer.MAX_VALUE;
            for (String literal : literals) {
                shortest = Math.min(shortest, literal.length());
            }
            if (shortest > bestLength || (shortest == bestLength && literals.size() < best.size())) {
                best = literals;
                bestLength = shortest;
            }
        }

        /**
         * Takes a position matching one of {@code members}, read just before {@code i}, as its
         * quantifier allows; returns where reading goes on.
         */
        int position(char[] members, String pattern, int i)
        {
            char quantifier = i < pattern.length() ? pattern.charAt(i) : 0;
            boolean exactlyOnce = pattern.startsWith("{1}", i);
            if (quantifier == '*' || quantifier == '?' || (quantifier == '{' && !exactlyOnce && !atLeastOnce(pattern, i))) {
                // Optional: the position may be absent, so the run ends before it.
                cut();
                return skipQuantifier(pattern, i);
            }
            if ((long) Math.max(1, run.size()) * members.length > MAX_LITERALS) {
                cut();
            }
            List<String> extended = new ArrayList<>(Math.max(1, run.size()) * members.length);
            for (String prefix : run.isEmpty() ? List.of("") : run) {
                for (char member : members) {
                    extended.add(prefix + WildcardMatcher.fold(String.valueOf(member)));
                }
            }
            run = extended;
            runLength++;
            if (exactlyOnce) {
                return i + 3;
            }
            if (quantifier == '+' || quantifier == '{') {
                // At least once, but what follows is not adjacent to the first occurrence.
                cut();
                return skipQuantifier(pattern, i);
            }
            return i;
        }

        private static boolean atLeastOnce(String pattern, int open)
        {
            int close = pattern.indexOf('}', open);
            if (close < 0) {
                return false;
            }
            String body = pattern.substring(open + 1, close);
            String low = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
            return !low.isEmpty() && low.length() <= 4 && low.chars().allMatch(Character::isDigit) && Integer.parseInt(low) >= 1;
        }
    }

    private static int skipQuantifier(String pattern, int i)
    {
        if (i >= pattern.length()) {
            return i;
        }
        char c = pattern.charAt(i);
        if (c == '*' || c == '+' || c == '?') {
            i++;
        }
        else if (c == '{') {
            int close = pattern.indexOf('}', i);
            i = close < 0 ? pattern.length() : close + 1;
        }
        else {
            return i;
        }
        // Lazy or possessive suffix.
        if (i < pattern.length() && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
            i++;
        }
        return i;
    }

    private static boolean hasTopLevelAlternation(String pattern)
    {
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            }
            else if (c == '[') {
                int close = closingBracket(pattern, i);
                if (close < 0) {
                    return true;
                }
                i = close;
            }
            else if (c == '(') {
                depth++;
            }
            else if (c == ')') {
                depth--;
            }
            else if (c == '|' && depth <= 0) {
                return true;
            }
        }
        return false;
    }

    private static int closingParen(String pattern, int open)
    {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            }
            else if (c == '[') {
                int close = closingBracket(pattern, i);
                if (close < 0) {
                    return -1;
                }
                i = close;
            }
            else if (c == '(') {
                depth++;
            }
            else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or -1. */
    private static int closingBracket(String pattern, int open)
    {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        // A ']' right after '[' or '[^' is a literal member.
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        for (; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            }
            else if (c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            }
            else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}
