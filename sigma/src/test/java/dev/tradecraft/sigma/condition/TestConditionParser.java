package dev.tradecraft.sigma.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

class TestConditionParser
{
    private static final List<String> NAMES = List.of("selection", "selection_img", "selection_cli", "filter_main", "filter_optional", "_private", "keywords");

    private static Condition parse(String text)
            throws ConditionException
    {
        return ConditionParser.parse(text);
    }

    private static Ref ref(String name)
    {
        return new Ref(name);
    }

    @Test
    void testSingleIdentifier()
            throws ConditionException
    {
        assertEquals(ref("selection"), parse("selection"));
        assertEquals(ref("filter-main.v2"), parse("  filter-main.v2 "));
    }

    @Test
    void testAndBindsTighterThanOr()
            throws ConditionException
    {
        assertEquals(new Or(List.of(ref("a"), new And(List.of(ref("b"), ref("c"))))), parse("a or b and c"));
        assertEquals(new Or(List.of(new And(List.of(ref("a"), ref("b"))), ref("c"))), parse("a and b or c"));
    }

    @Test
    void testNotBindsTighterThanAnd()
            throws ConditionException
    {
        assertEquals(new And(List.of(new Not(ref("a")), ref("b"))), parse("not a and b"));
        assertEquals(new Not(new Not(ref("a"))), parse("not not a"));
    }

    @Test
    void testParenthesesOverridePrecedence()
            throws ConditionException
    {
        assertEquals(new And(List.of(new Or(List.of(ref("a"), ref("b"))), ref("c"))), parse("(a or b) and c"));
        assertEquals(new Not(new And(List.of(ref("a"), ref("b")))), parse("not (a and b)"));
        assertEquals(ref("a"), parse("((a))"));
    }

    @Test
    void testChainsAreFlatAndLeftToRight()
            throws ConditionException
    {
        assertEquals(new And(List.of(ref("a"), ref("b"), ref("c"))), parse("a and b and c"));
        assertEquals(new Or(List.of(ref("a"), ref("b"), ref("c"))), parse("a or b or c"));
    }

    @Test
    void testSelectorsBindTighterThanNot()
            throws ConditionException
    {
        assertEquals(new And(List.of(new AllOf("selection_*"), new Not(new OneOf("filter_*")))),
                parse("all of selection_* and not 1 of filter_*"));
        assertEquals(new OneOf("them"), parse("any of them"));
        assertEquals(new AllOf("them"), parse("ALL OF THEM"));
    }

    @Test
    void testKeywordsAreCaseInsensitive()
            throws ConditionException
    {
        assertEquals(new And(List.of(ref("a"), new Not(ref("b")))), parse("a AND NOT b"));
    }

    @Test
    void testResolveExpandsPatternsInDetectionOrder()
            throws ConditionException
    {
        Condition resolved = ConditionResolver.resolve(parse("1 of selection* and not 1 of filter_*"), NAMES);
        assertEquals(new And(List.of(
                new Or(List.of(ref("selection"), ref("selection_img"), ref("selection_cli"))),
                new Not(new Or(List.of(ref("filter_main"), ref("filter_optional")))))), resolved);
    }

    @Test
    void testResolveFlattensAndCollapses()
            throws ConditionException
    {
        assertEquals(new And(List.of(ref("selection_img"), ref("selection_cli"), ref("keywords"))),
                ConditionResolver.resolve(parse("all of selection_* and keywords"), NAMES));
        assertEquals(ref("keywords"), ConditionResolver.resolve(parse("1 of key*"), NAMES));
    }

    @Test
    void testThemSkipsUnderscoreIdentifiers()
            throws ConditionException
    {
        Condition resolved = ConditionResolver.resolve(parse("all of them"), NAMES);
        assertEquals(new And(List.of(ref("selection"), ref("selection_img"), ref("selection_cli"), ref("filter_main"),
                ref("filter_optional"), ref("keywords"))), resolved);
        assertFalse(ConditionResolver.selects("*", "_private"));
        assertTrue(ConditionResolver.selects("_*", "_private"));
        assertEquals(ref("_private"), ConditionResolver.resolve(parse("1 of _priv*"), NAMES));
    }

    @Test
    void testResolveKeepsParsedTreeUnchanged()
            throws ConditionException
    {
        Condition parsed = parse("1 of selection_*");
        ConditionResolver.resolve(parsed, NAMES);
        assertEquals(new OneOf("selection_*"), parsed);
    }

    @Test
    void testUnknownIdentifierIsReported()
            throws ConditionException
    {
        ConditionException e = assertThrows(ConditionException.class, () -> ConditionResolver.resolve(parse("selection and nope"), NAMES));
        assertEquals(ConditionException.Kind.UNKNOWN_IDENTIFIER, e.kind());
        assertTrue(e.getMessage().contains("unknown identifier 'nope'"), e.getMessage());
    }

    @Test
    void testPatternMatchingNothingIsReported()
            throws ConditionException
    {
        ConditionException e = assertThrows(ConditionException.class, () -> ConditionResolver.resolve(parse("1 of sel_*"), NAMES));
        assertEquals(ConditionException.Kind.UNKNOWN_IDENTIFIER, e.kind());
        assertTrue(e.getMessage().contains("'sel_*' matches no identifier"), e.getMessage());
    }

    @Test
    void testSyntaxErrorsCarryTheColumn()
    {
        assertSyntaxError("selection and", 11, "condition ends");
        assertSyntaxError("(selection or filter", 1, "'(' is never closed");
        assertSyntaxError("selection)", 10, "unexpected ')'");
        assertSyntaxError("selection filter", 11, "unexpected 'filter'");
        assertSyntaxError("and selection", 1, "found 'and'");
        assertSyntaxError("2 of selection_*", 1, "'2 of' is not Sigma");
        assertSyntaxError("1 of", 1, "needs an identifier pattern");
        assertSyntaxError("selection and sel$ection", 18, "character '$'");
        assertSyntaxError("   ", 0, "empty condition");
    }

    @Test
    void testLegacyAggregationIsUnsupported()
    {
        ConditionException e = assertThrows(ConditionException.class, () -> parse("selection | count(dst_ip) by src_ip > 10"));
        assertEquals(ConditionException.Kind.UNSUPPORTED, e.kind());
        assertEquals(11, e.column());
        assertTrue(e.getMessage().contains("correlation rule"), e.getMessage());
        ConditionException near = assertThrows(ConditionException.class, () -> parse("selection and near other"));
        assertEquals(ConditionException.Kind.UNSUPPORTED, near.kind());
        assertEquals(15, near.column());
    }

    private static void assertSyntaxError(String text, int column, String fragment)
    {
        ConditionException e = assertThrows(ConditionException.class, () -> parse(text), text);
        assertEquals(ConditionException.Kind.SYNTAX, e.kind(), text);
        assertEquals(column, e.column(), text + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), text + ": " + e.getMessage());
    }
}
