package dev.tradecraft.hunt.ioc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Level;

class TestIocFeed
{
    @Test
    void testDefangedValuesAreRefanged() throws IOException
    {
        IocFeed feed = read("""
                type,value,source,first_published
                ip,107.191.58[.]76,Eye Security,2025-07-20
                domain,Update.UpdateMicfosoft[.]com.,Microsoft,2025-07-22
                url,hxxps://c34718cbb4c6.ngrok-free[.]app/file.ps1,Microsoft,
                """);
        assertEquals(0, feed.problems().size(), feed.problems().toString());
        assertEquals("107.191.58.76", feed.indicators().get(0).value());
        assertEquals("update.updatemicfosoft.com", feed.indicators().get(1).value());
        assertEquals("https://c34718cbb4c6.ngrok-free.app/file.ps1", feed.indicators().get(2).value());
        assertEquals(Optional.of(LocalDate.of(2025, 7, 20)), feed.indicators().get(0).firstPublished());
        assertEquals(Optional.empty(), feed.indicators().get(2).firstPublished());
    }

    @Test
    void testWithoutHeaderColumnsAreInDefaultOrder() throws IOException
    {
        IocFeed feed = read("# comment\nsha256,92BB4DDB98EEAF11FC15BB32E71D0A63256A0ED826A03BA293CE3A8BF057A514,Rapid7,2025-07-20,high,spinstall0\n");
        IocIndicator indicator = feed.indicators().get(0);
        assertEquals(IocType.SHA256, indicator.type());
        assertEquals("92bb4ddb98eeaf11fc15bb32e71d0a63256a0ed826a03ba293ce3a8bf057a514", indicator.value());
        assertEquals(Level.HIGH, indicator.level());
        assertEquals("spinstall0", indicator.note());
    }

    @Test
    void testQuotedCellsMayHoldCommas() throws IOException
    {
        IocFeed feed = read("command,\"cmd /c echo a,b \"\"quoted\"\"\",me,\n");
        assertEquals("cmd /c echo a,b \"quoted\"", feed.indicators().get(0).value());
    }

    @Test
    void testBadLinesAreReportedAndTheRestLoads() throws IOException
    {
        IocFeed feed = read("""
                type,value,source,first_published,level
                ip,not-an-ip,x,
                sha256,abc,x,
                fish,value,x,
                ip,10.0.0.1,x,20250720
                ip,10.0.0.2,x,,severe
                ip,"10.0.0.3,x,
                ip,203.0.113.7,x,2025-07-20
                """);
        assertEquals(1, feed.indicators().size());
        assertEquals("203.0.113.7", feed.indicators().get(0).value());
        assertEquals(6, feed.problems().size());
        assertEquals("test.csv:2: not an IP address: 'not-an-ip'", feed.problems().get(0).toString());
        assertTrue(feed.problems().get(1).message().contains("64 hex digits"), feed.problems().get(1).message());
        assertTrue(feed.problems().get(2).message().contains("must be one of: ip, domain"), feed.problems().get(2).message());
        assertTrue(feed.problems().get(3).message().contains("YYYY-MM-DD"), feed.problems().get(3).message());
        assertTrue(feed.problems().get(4).message().contains("unknown level"), feed.problems().get(4).message());
        assertEquals("test.csv:7: unterminated quote", feed.problems().get(5).toString());
    }

    @Test
    void testDuplicatesCollapse() throws IOException
    {
        IocFeed feed = read("ip,1.2.3.4,a,\nip,1.2.3[.]4,b,\nip,001.002.003.004,c,\n");
        assertEquals(1, feed.indicators().size());
        assertEquals("a", feed.indicators().get(0).source());
    }

    @Test
    void testDefaultLevelsFollowTheType() throws IOException
    {
        IocFeed feed = read("md5,d41d8cd98f00b204e9800998ecf8427e,x,\nuser-agent,curl/8.5.0,x,\n");
        assertEquals(Level.CRITICAL, feed.indicators().get(0).level());
        assertEquals(Level.LOW, feed.indicators().get(1).level());
    }

    private static IocFeed read(String text) throws IOException
    {
        return IocFeed.read("test.csv", new StringReader(text));
    }
}
