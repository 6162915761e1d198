package dev.tradecraft.sigma;

/** Why a rule document was not loaded or not compiled. */
public enum RuleProblemKind
{
    /** The file is not YAML (syntax error, not UTF-8, unreadable, too large) or repeats a key. */
    BAD_YAML,
    /** A YAML document that is not a Sigma rule at all. */
    NOT_A_RULE,
    /** A mandatory part is missing: title, logsource, detection, condition. */
    MISSING_FIELD,
    /** A part has the wrong shape or a value the modifiers cannot take. */
    BAD_VALUE,
    /** A modifier name the Sigma specification does not define. */
    UNKNOWN_MODIFIER,
    /** A modifier the specification defines but this engine does not implement yet. */
    UNSUPPORTED_MODIFIER,
    /** The condition is not valid syntax. */
    BAD_CONDITION,
    /** The condition names an identifier, or a pattern that matches none, not in the detection. */
    UNKNOWN_IDENTIFIER,
    /** A {@code |re} value RE2/J rejects (e.g. lookaround, backreferences). */
    BAD_REGEX,
    /** Valid Sigma this engine does not handle: legacy aggregations and {@code near}, boolean correlation conditions. */
    UNSUPPORTED_FEATURE,
    /** No logsource mapping covers the rule's logsource (reported when compiling). */
    UNSUPPORTED_LOGSOURCE,
    /** The rule uses {@code |expand} placeholders the site gave no values for (reported when compiling). */
    UNRESOLVED_PLACEHOLDER,
    /** Another rule loaded earlier has the same id. */
    DUPLICATE_ID,
    /** A correlation references a rule or correlation (by id or name) that is not loaded, or a name several rules share. */
    UNKNOWN_RULE,
    /** Correlations reference each other in a circle, so none of them can ever complete. */
    CORRELATION_CYCLE
}
