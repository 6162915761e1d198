package dev.tradecraft.sigma.modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tradecraft.sigma.RuleProblemKind;
import dev.tradecraft.sigma.value.CidrValue;
import dev.tradecraft.sigma.value.CompareValue;
import dev.tradecraft.sigma.value.ExistsValue;
import dev.tradecraft.sigma.value.FieldRefValue;
import dev.tradecraft.sigma.value.RegexFlag;
import dev.tradecraft.sigma.value.RegexValue;
import dev.tradecraft.sigma.value.SigmaValue;
import dev.tradecraft.sigma.value.StringPattern;
import dev.tradecraft.sigma.value.WildcardMatcher;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

class TestModifiers
{
    private static List<SigmaValue> apply(String modifiers, String value)
            throws ModifierException
    {
        return apply(modifiers, RawValue.string(value));
    }

    private static List<SigmaValue> apply(String modifiers, RawValue value)
            throws ModifierException
    {
        List<String> names = modifiers.isEmpty() ? List.of() : List.of(modifiers.split("\\|"));
        return ModifierChain.parse(names, "field F").apply(value, false);
    }

    private static StringPattern single(String modifiers, String value)
            throws ModifierException
    {
        List<SigmaValue> values = apply(modifiers, value);
        assertEquals(1, values.size(), values.toString());
        return (StringPattern) values.get(0);
    }

    /** Whether any alternative the chain made matches the event value. */
    private static boolean matches(String modifiers, String value, String eventValue)
            throws ModifierException
    {
        for (SigmaValue alternative : apply(modifiers, value)) {
            if (alternative instanceof StringPattern pattern && WildcardMatcher.of(pattern).matches(eventValue)) {
                return true;
            }
            if (alternative instanceof RegexValue regex && regex.compile().matcher(eventValue).find()) {
                return true;
            }
            if (alternative instanceof CidrValue cidr && cidr.matches(eventValue)) {
                return true;
            }
            if (alternative instanceof CompareValue compare && compare.matches(eventValue)) {
                return true;
            }
        }
        return false;
    }

    private static ModifierException failure(String modifiers, RawValue value)
    {
        return assertThrows(ModifierException.class, () -> apply(modifiers, value), modifiers + " " + value);
    }

    @Test
    void testContainsStartswithEndswithAddWildcardsOnce()
            throws ModifierException
    {
        assertEquals("*cmd*", single("contains", "cmd").toString());
        assertEquals("*cmd*", single("contains", "*cmd").toString());
        assertEquals("cmd*", single("startswith", "cmd").toString());
        assertEquals("*cmd", single("endswith", "cmd").toString());
        assertEquals("*cmd*", single("startswith", "*cmd").toString());
        assertTrue(matches("contains", "\\spinstall?.aspx", "C:\\x\\spinstall0.aspx.bak"));
        assertFalse(matches("endswith", "\\cmd.exe", "C:\\cmd.exe.bak"));
    }

    @Test
    void testContainsWithTrailingBackslash()
            throws ModifierException
    {
        assertTrue(matches("contains", "\\TEMPLATE\\LAYOUTS\\", "C:\\15\\TEMPLATE\\LAYOUTS\\x.aspx"));
        assertFalse(matches("contains", "\\TEMPLATE\\LAYOUTS\\", "C:\\15\\TEMPLATE\\LAYOUTS"));
    }

    @Test
    void testStringModifiersReadNumbersAsText()
            throws ModifierException
    {
        assertTrue(matches("contains", "4688", "id 4688 here"));
        assertEquals("*4688*", ModifierChain.parse(List.of("contains"), "field F").apply(new RawValue(RawValue.Type.INTEGER, "4688"), false).get(0).toString());
    }

    @Test
    void testAllAndNeqAreItemFlags()
            throws ModifierException
    {
        ModifierChain chain = ModifierChain.parse(List.of("contains", "all"), "field F");
        assertTrue(chain.all());
        assertFalse(chain.negated());
        assertTrue(ModifierChain.parse(List.of("neq"), "field F").negated());
    }

    @Test
    void testRegexIsUnanchoredAndCaseSensitive()
            throws ModifierException
    {
        assertTrue(matches("re", "cmd\\.exe /c", "C:\\cmd.exe /c whoami"));
        assertFalse(matches("re", "cmd\\.exe", "CMD.EXE"));
        assertTrue(matches("re|i", "cmd\\.exe", "CMD.EXE"));
        assertTrue(matches("re|ignorecase", "cmd\\.exe", "CMD.EXE"));
        assertFalse(matches("re", "^b$", "a\nb"));
        assertTrue(matches("re|m", "^b$", "a\nb"));
        assertFalse(matches("re", "a.b", "a\nb"));
        assertTrue(matches("re|s", "a.b", "a\nb"));
        assertEquals(new RegexValue("x", Set.of(RegexFlag.IGNORE_CASE, RegexFlag.DOTALL)), apply("re|i|dotall", "x").get(0));
    }

    @Test
    void testRegexTakesTheRawText()
            throws ModifierException
    {
        assertEquals(new RegexValue("a\\*b?", Set.of()), apply("re", "a\\*b?").get(0));
        assertTrue(matches("re|contains", "ab+c", "xxabbbc"));
    }

    @Test
    void testRegexRejectedByRe2IsBadRegex()
    {
        ModifierException e = failure("re", RawValue.string("(?<=foo)bar"));
        assertEquals(RuleProblemKind.BAD_REGEX, e.kind());
        assertTrue(e.getMessage().contains("RE2/J"), e.getMessage());
        assertEquals(RuleProblemKind.BAD_REGEX, failure("re", RawValue.string("(a)\\1")).kind());
        assertEquals(RuleProblemKind.BAD_REGEX, failure("re", RawValue.string("([a-z]")).kind());
    }

    @Test
    void testHostileRegexIsRefusedBeforeRe2CompilesIt()
            throws ModifierException
    {
        // Unrefused, the first overflows RE2/J's recursive compiler and the second exhausts the heap.
        ModifierException deep = failure("re", RawValue.string("(".repeat(20_000) + "a" + ")".repeat(20_000)));
        assertEquals(RuleProblemKind.BAD_REGEX, deep.kind());
        assertTrue(deep.getMessage().contains("nests groups 20000 deep"), deep.getMessage());
        ModifierException large = failure("re", RawValue.string("((a{1000}){1000}){1000}"));
        assertEquals(RuleProblemKind.BAD_REGEX, large.kind());
        assertTrue(large.getMessage().contains("about 1000000000 instructions"), large.getMessage());
        assertTrue(matches("re", "(.){200,}", "x".repeat(200)));
    }

    @Test
    void testRegexMustComeFirstAndFlagsNeedIt()
    {
        ModifierException late = failure("contains|re", RawValue.string("x"));
        assertEquals(RuleProblemKind.BAD_VALUE, late.kind());
        assertTrue(late.getMessage().contains("only applies to the unmodified value"), late.getMessage());
        ModifierException flag = failure("contains|i", RawValue.string("x"));
        assertEquals(RuleProblemKind.BAD_VALUE, flag.kind());
        assertTrue(flag.getMessage().contains("use it after 're'"), flag.getMessage());
    }

    @Test
    void testCidrIpv4AndIpv6()
            throws ModifierException
    {
        assertTrue(matches("cidr", "10.0.0.0/8", "10.200.3.4"));
        assertFalse(matches("cidr", "10.0.0.0/8", "11.0.0.1"));
        assertTrue(matches("cidr", "192.168.1.0/24", "::ffff:192.168.1.7"));
        assertTrue(matches("cidr", "192.0.2.44", "192.0.2.44"));
        assertFalse(matches("cidr", "192.0.2.44", "192.0.2.45"));
        assertTrue(matches("cidr", "fe80::/10", "FE80::1%eth0"));
        assertTrue(matches("cidr", "2001:db8::/32", "2001:db8:0:0:1:0:0:1"));
        assertFalse(matches("cidr", "2001:db8::/32", "2001:db9::1"));
        assertTrue(matches("cidr", "::1/128", "0:0:0:0:0:0:0:1"));
        assertTrue(matches("cidr", "0.0.0.0/0", "203.0.113.9"));
        assertTrue(matches("cidr", "10.1.2.3/8", "10.9.9.9"));
    }

    @Test
    void testCidrIgnoresValuesThatAreNoAddress()
            throws ModifierException
    {
        for (String value : List.of("", "-", "localhost", "10.0.0", "10.0.0.256", "10.0.0.1.2", "1::2::3", "12345::", "10.0.0.1/8", "０.0.0.1")) {
            assertFalse(matches("cidr", "0.0.0.0/0", value), value);
            assertFalse(matches("cidr", "::/0", value), value);
        }
    }

    @Test
    void testBadCidrIsBadValue()
    {
        for (String bad : List.of("10.0.0.0/33", "10.0.0/8", "fe80::/129", "example.com", "10.0.0.0/")) {
            ModifierException e = failure("cidr", RawValue.string(bad));
            assertEquals(RuleProblemKind.BAD_VALUE, e.kind(), bad);
        }
    }

    @Test
    void testWindashExpandsFlagDashesIntoFiveForms()
            throws ModifierException
    {
        List<String> forms = new ArrayList<>();
        for (SigmaValue value : apply("windash|contains", " -enc ")) {
            forms.add(value.toString());
        }
        assertEquals(List.of("* -enc *", "* /enc *", "* \u2013enc *", "* \u2014enc *", "* \u2015enc *"), forms);
        assertTrue(matches("windash|contains", " -enc ", "powershell \u2013enc AAAA"));
    }

    @Test
    void testWindashOnlyTouchesDashesThatStartAFlag()
            throws ModifierException
    {
        List<SigmaValue> values = apply("windash", "-param-name");
        assertEquals(5, values.size());
        assertEquals("/param-name", values.get(1).toString());
        assertEquals(1, apply("windash", "a-b").size());
        assertEquals(1, apply("windash", "x - y").size());
        assertEquals(25, apply("windash", "-a /b").size());
    }

    @Test
    void testWindashWithTooManyDashesIsRefused()
    {
        ModifierException e = failure("windash", RawValue.string("-a -b -c -d -e -f"));
        assertEquals(RuleProblemKind.BAD_VALUE, e.kind());
    }

    @Test
    void testBase64()
            throws ModifierException
    {
        assertEquals("c3BpbnN0YWxsMC5hc3B4", single("base64", "spinstall0.aspx").toString());
        assertEquals("*c3BpbnN0YWxsMC5hc3B4*", single("base64|contains", "spinstall0.aspx").toString());
        assertEquals(RuleProblemKind.BAD_VALUE, failure("base64", RawValue.string("spin*")).kind());
    }

    @Test
    void testBase64OffsetGivesTheThreeShiftedForms()
            throws ModifierException
    {
        // Reference values from Python: b64encode(b" " * i + data)[start[i]:end[(len(data) + i) % 3]].
        assertEquals(List.of("YWJj", "FiY", "hYm"), texts(apply("base64offset", "abc")));
        assertEquals(List.of("YWJjZ", "FiY2", "hYmNk"), texts(apply("base64offset", "abcd")));
        assertEquals(List.of("YW", "Fi", "hY"), texts(apply("base64offset", "ab")));
        assertEquals(List.of("Y", "h"), texts(apply("base64offset", "a")));
    }

    @Test
    void testWideBase64OffsetOfToolShellName()
            throws ModifierException
    {
        assertEquals(List.of("cwBwAGkAbgBzAHQAYQBsAGwAMAAuAGEAcwBwAHgA", "MAcABpAG4AcwB0AGEAbABsADAALgBhAHMAcAB4A",
                "zAHAAaQBuAHMAdABhAGwAbAAwAC4AYQBzAHAAeA"), texts(apply("wide|base64offset", "spinstall0.aspx")));
        assertEquals(texts(apply("wide|base64offset", "spinstall0.aspx")), texts(apply("utf16le|base64offset", "spinstall0.aspx")));
    }

    @Test
    void testWideBase64OffsetContainsFindsRealEncodedCommand()
            throws ModifierException
    {
        String script = "$b = [System.Convert]::FromBase64String('PCVAIEltcG9ydA=='); "
                + "[System.IO.File]::WriteAllBytes('C:\\PROGRA~1\\COMMON~1\\MICROS~1\\WEBSER~1\\16\\TEMPLATE\\LAYOUTS\\spinstall0.aspx', $b)";
        for (int shift = 0; shift < 3; shift++) {
            // The name lands at each byte offset modulo 3 in turn.
            String encoded = Base64.getEncoder().encodeToString((" ".repeat(shift) + script).getBytes(StandardCharsets.UTF_16LE));
            String commandLine = "powershell.exe -NoProfile -EncodedCommand " + encoded;
            assertTrue(matches("wide|base64offset|contains", "spinstall0.aspx", commandLine), "shift " + shift);
            assertTrue(matches("wide|base64offset|contains", ":\\PROGRA~1\\COMMON~1\\MICROS~1\\WEBSER~1\\16\\TEMPLATE\\LAYOUTS", commandLine), "shift " + shift);
            assertFalse(matches("wide|base64offset|contains", "spinstall1.aspx", commandLine), "shift " + shift);
            // The UTF-8 rendering is a different byte string.
            assertFalse(matches("base64offset|contains", "spinstall0.aspx", commandLine), "shift " + shift);
        }
    }

    @Test
    void testUtf16Encodings()
            throws ModifierException
    {
        assertEquals("*YwBtAGQA*", single("wide|base64|contains", "cmd").toString());
        assertEquals("AGMAbQBk", single("utf16be|base64", "cmd").toString());
        assertEquals("//5jAG0AZAA=", single("utf16|base64", "cmd").toString());
        assertEquals("c\u0000m\u0000d\u0000", single("wide", "cmd").literalText());
        assertTrue(single("wide", "cmd").binary());
        assertEquals(RuleProblemKind.BAD_VALUE, failure("wide|utf16be", RawValue.string("cmd")).kind());
    }

    @Test
    void testExistsNeedsBoolean()
            throws ModifierException
    {
        assertEquals(List.of(new ExistsValue(true)), apply("exists", new RawValue(RawValue.Type.BOOLEAN, "true")));
        assertEquals(RuleProblemKind.BAD_VALUE, failure("exists", RawValue.string("yes")).kind());
    }

    @Test
    void testCasedMakesPatternCaseSensitive()
            throws ModifierException
    {
        assertTrue(matches("cased|contains", "Invoke", "x Invoke y"));
        assertFalse(matches("contains|cased", "Invoke", "x invoke y"));
    }

    @Test
    void testComparisons()
            throws ModifierException
    {
        assertEquals(List.of(new CompareValue(CompareValue.Operator.GTE, new BigDecimal("10"))),
                apply("gte", new RawValue(RawValue.Type.INTEGER, "10")));
        assertTrue(matches("lt", "10", "9.5"));
        assertFalse(matches("lt", "10", "10"));
        assertTrue(matches("lte", "10", "10"));
        assertTrue(matches("gt", "0x10", "17"));
        assertFalse(matches("gt", "10", "abc"));
        assertEquals(RuleProblemKind.BAD_VALUE, failure("gt", RawValue.string("ten")).kind());
    }

    @Test
    void testFieldrefWithPositionModifiers()
            throws ModifierException
    {
        assertEquals(List.of(new FieldRefValue("Other", false, false, false)), apply("fieldref", "Other"));
        assertEquals(List.of(new FieldRefValue("Other", true, true, false)), apply("fieldref|contains", "Other"));
        assertEquals(List.of(new FieldRefValue("Other", false, true, false)), apply("fieldref|endswith", "Other"));
        assertEquals(RuleProblemKind.BAD_VALUE, failure("fieldref", RawValue.string("Oth*")).kind());
    }

    @Test
    void testUnknownModifierListsTheKnownSet()
    {
        ModifierException e = assertThrows(ModifierException.class, () -> ModifierChain.parse(List.of("contains", "foo"), "field CommandLine"));
        assertEquals(RuleProblemKind.UNKNOWN_MODIFIER, e.kind());
        assertTrue(e.getMessage().startsWith("unknown modifier 'foo' on field CommandLine (known: all, base64, base64offset, cased, cidr, contains,"),
                e.getMessage());
    }

    @Test
    void testEverySpecModifierIsSupported()
            throws ModifierException
    {
        for (String name : List.of("contains", "startswith", "endswith", "all", "exists", "cased", "neq", "windash", "re", "i", "m", "s", "base64",
                "base64offset", "wide", "utf16le", "utf16be", "utf16", "lt", "lte", "gt", "gte", "cidr", "fieldref", "expand", "minute", "hour", "day",
                "week", "month", "year")) {
            assertEquals(1, ModifierChain.parse(List.of(name), "field Attributes").modifiers().size(), name);
        }
    }

    @Test
    void testKeywordValuesDefaultToSubstring()
            throws ModifierException
    {
        ModifierChain none = ModifierChain.parse(List.of(), "keywords");
        assertEquals("*mimikatz*", none.apply(RawValue.string("mimikatz"), true).get(0).toString());
        assertEquals("mimi*", none.apply(RawValue.string("mimi*"), true).get(0).toString());
        assertEquals("mimi*", ModifierChain.parse(List.of("startswith"), "keywords").apply(RawValue.string("mimi"), true).get(0).toString());
        assertThrows(ModifierException.class, () -> none.apply(new RawValue(RawValue.Type.NULL, ""), true));
    }

    private static List<String> texts(List<SigmaValue> values)
    {
        List<String> result = new ArrayList<>();
        for (SigmaValue value : values) {
            result.add(((StringPattern) value).literalText());
        }
        return result;
    }
}
