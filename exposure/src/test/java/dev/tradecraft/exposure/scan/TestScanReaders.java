package dev.tradecraft.exposure.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.SourcePosition;

public class TestScanReaders
{
    @TempDir
    Path directory;

    @Test
    public void testSniffsEachFormatByContent()
            throws IOException
    {
        assertEquals(Optional.of(ScanFormat.SHODAN), ScanReaders.sniff(ScanFiles.resource("shodan.jsonl")));
        assertEquals(Optional.of(ScanFormat.CENSYS), ScanReaders.sniff(ScanFiles.resource("censys-hosts.jsonl")));
        assertEquals(Optional.of(ScanFormat.CENSYS), ScanReaders.sniff(ScanFiles.resource("censys-hosts.json")));
        assertEquals(Optional.of(ScanFormat.NMAP_XML), ScanReaders.sniff(ScanFiles.resource("nmap.xml")));
        assertEquals(Optional.of(ScanFormat.ZGRAB2), ScanReaders.sniff(ScanFiles.resource("zgrab2-http.jsonl")));
        assertEquals(Optional.of(ScanFormat.MASSCAN), ScanReaders.sniff(ScanFiles.resource("masscan.json")));
        assertEquals(Optional.of(ScanFormat.MASSCAN), ScanReaders.sniff(ScanFiles.resource("masscan-leading.json")));
    }

    @Test
    public void testSniffsGzipByItsMagicNotItsName()
            throws IOException
    {
        for (String name : new String[] {"shodan.jsonl", "censys-hosts.json", "nmap.xml", "zgrab2-http.jsonl", "masscan.json"}) {
            byte[] plain = Files.readAllBytes(ScanFiles.resource(name));
            Path gz = ScanFiles.write(directory, name + ".data", ScanFiles.gzip(plain));
            assertEquals(ScanReaders.sniff(ScanFiles.resource(name)), ScanReaders.sniff(gz), name);
        }
        Path looksGzip = ScanFiles.write(directory, "plain.json.gz", "{\"ip_str\":\"192.0.2.1\",\"port\":80}\n");
        assertEquals(Optional.of(ScanFormat.SHODAN), ScanReaders.sniff(looksGzip));
    }

    @Test
    public void testSniffsByKeysWhateverTheirOrder()
            throws IOException
    {
        assertSniffed("{\"data\":\"SSH-2.0-x\\r\\n\",\"port\":22,\"ip\":3221225985}\n", ScanFormat.SHODAN);
        assertSniffed("{\"port\":22,\"_shodan\":{}}\n", ScanFormat.SHODAN);
        assertSniffed("{\"services\":[],\"ip\":\"192.0.2.1\"}\n", ScanFormat.CENSYS);
        assertSniffed("{\"data\":{\"http\":{}},\"ip\":\"192.0.2.1\"}\n", ScanFormat.ZGRAB2);
        assertSniffed("{\"ports\":[],\"ip\":\"192.0.2.1\"}\n", ScanFormat.MASSCAN);
        assertSniffed("\uFEFF  \r\n{\"ip_str\":\"192.0.2.1\"}", ScanFormat.SHODAN);
    }

    @Test
    public void testSniffingSkipsBrokenAndSilentFirstRecords()
            throws IOException
    {
        assertSniffed("{\"ip_str\": broken\n{}\n{\"ip_str\":\"192.0.2.1\",\"port\":80}\n", ScanFormat.SHODAN);
        assertSniffed("[\n{finished: 1}\n]\n", Optional.empty());
        assertSniffed("{}\n{\"note\":1}\n{\"services\":[{\"port\":1}],\"ip\":\"192.0.2.1\"}\n", ScanFormat.CENSYS);
    }

    @Test
    public void testFirstRecordLargerThanThePrefixIsJudgedOnItsFirstKeys()
            throws Exception
    {
        String huge = "{\"ip_str\":\"192.0.2.1\",\"port\":80,\"http\":{\"html\":\"" + "a".repeat(200_000) + "\"}}\n";
        Path file = ScanFiles.write(directory, "huge.json", huge);
        assertEquals(Optional.of(ScanFormat.SHODAN), ScanReaders.sniff(file));
        ScanFiles.Result result = ScanFiles.read(file);
        assertEquals(1, result.banners().size(), "a long line is one record, read line by line");
    }

    @Test
    public void testUnknownBinaryAndEmptyInput()
            throws IOException
    {
        assertSniffed("{\"EventID\":4688,\"Channel\":\"Security\"}\n", Optional.empty());
        assertSniffed("#Software: Microsoft Internet Information Services 10.0\n", Optional.empty());
        assertSniffed("<?xml version=\"1.0\"?><rss></rss>", Optional.empty());
        assertSniffed("", Optional.empty());
        assertSniffed(" \n\n\t", Optional.empty());
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        assertEquals(Optional.empty(), ScanReaders.sniff(ScanFiles.write(directory, "random.bin", binary)));
        byte[] zip = Arrays.copyOf("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), 64);
        assertEquals(Optional.empty(), ScanReaders.sniff(ScanFiles.write(directory, "a.zip", zip)));
    }

    @Test
    public void testOpenRefusesWhatItCannotReadWithAReason()
            throws IOException
    {
        assertRefused("{\"EventID\":4688}\n", ScanProblem.UNKNOWN_FORMAT, "JSON whose first records have the keys [EventID]");
        assertRefused("hello\n", ScanProblem.UNKNOWN_FORMAT, "starts with 'h'; expected JSON");
        assertRefused("", ScanProblem.EMPTY_FILE, "empty file");
        assertRefused("\n \n", ScanProblem.EMPTY_FILE, "only blank lines");
        assertRefused("<html></html>", ScanProblem.UNKNOWN_FORMAT, "XML without an <nmaprun> element");
        Path binary = ScanFiles.write(directory, "nul.bin", new byte[] {'{', 0, 1, 2});
        ScanException nul = assertThrows(ScanException.class, () -> ScanReaders.open(binary, "nul.bin", problem -> {}));
        assertEquals(ScanProblem.BINARY_FILE, nul.problem().kind());
        assertEquals(SourcePosition.offset("nul.bin", 0), nul.problem().position());

        ScanException missing = assertThrows(ScanException.class,
                () -> ScanReaders.open(directory.resolve("absent.json"), "absent.json", problem -> {}));
        assertEquals(ScanProblem.IO_ERROR, missing.problem().kind());
        assertTrue(missing.getMessage().startsWith("absent.json:offset 0: IO_ERROR: cannot read: NoSuchFileException"), missing.getMessage());

        byte[] gz = ScanFiles.gzip("{\"ip_str\":\"192.0.2.1\",\"port\":80}\n".getBytes(StandardCharsets.UTF_8));
        Path headerOnly = ScanFiles.write(directory, "header.gz", Arrays.copyOf(gz, 12));
        ScanException cut = assertThrows(ScanException.class, () -> ScanReaders.open(headerOnly, "header.gz", problem -> {}));
        assertEquals(ScanProblem.TRUNCATED, cut.problem().kind());
    }

    @Test
    public void testProblemPrintsFileLineKindMessageAndIsMadePrintable()
    {
        ScanProblem problem = new ScanProblem(SourcePosition.line("scans/a.json", 12), ScanProblem.BAD_VALUE, "port 'x\u001b[31m\ny' is bad");
        assertEquals("scans/a.json:12: BAD_VALUE: port 'x?[31m?y' is bad", problem.toString());
        ScanProblem long_ = new ScanProblem(SourcePosition.line("a", 1), ScanProblem.BAD_VALUE, "z".repeat(1000));
        assertEquals(ScanProblem.MAX_MESSAGE_LENGTH + 3, long_.message().length());
        assertThrows(IllegalArgumentException.class, () -> new ScanProblem(SourcePosition.line("a", 1), " ", "m"));
        assertThrows(NullPointerException.class, () -> new ScanProblem(null, ScanProblem.BAD_VALUE, "m"));
    }

    @Test
    public void testFormatNamesTheBannerSource()
    {
        assertEquals("shodan", ScanFormat.SHODAN.source());
        assertEquals("censys", ScanFormat.CENSYS.source());
        assertEquals("nmap", ScanFormat.NMAP_XML.source());
        assertEquals("zgrab2", ScanFormat.ZGRAB2.source());
        assertEquals("masscan", ScanFormat.MASSCAN.source());
        assertFalse(ScanFormat.NMAP_XML.description().isBlank());
    }

    private void assertSniffed(String content, ScanFormat expected) throws IOException
    {
        assertSniffed(content, Optional.of(expected));
    }

    private void assertSniffed(String content, Optional<ScanFormat> expected) throws IOException
    {
        Path file = Files.createTempFile(directory, "sniff", ".data");
        Files.writeString(file, content);
        assertEquals(expected, ScanReaders.sniff(file), content);
        Path gz = ScanFiles.write(directory, file.getFileName() + ".gz", ScanFiles.gzip(content.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, ScanReaders.sniff(gz), "gzip of " + content);
    }

    private void assertRefused(String content, String kind, String reasonStart) throws IOException
    {
        Path file = Files.createTempFile(directory, "refused", ".data");
        Files.writeString(file, content);
        ScanException e = assertThrows(ScanException.class, () -> ScanReaders.open(file, "in.data", problem -> {}));
        assertEquals(kind, e.problem().kind(), e.getMessage());
        assertTrue(e.problem().message().startsWith(reasonStart), e.problem().message());
    }
}
