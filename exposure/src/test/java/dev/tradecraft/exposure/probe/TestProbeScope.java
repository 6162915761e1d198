package dev.tradecraft.exposure.probe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TestProbeScope
{
    @TempDir
    Path directory;

    @Test
    public void testTargetFormsAndDefaultPorts()
            throws Exception
    {
        ProbeScope scope = read("""
                \uFEFF# Lab scope for the July exposure check
                Authorised-By: J. Doe, CISO, change ticket #4711

                sp.example.org
                sp2.example.org:8443      # staging farm
                https://sp3.example.org/
                HTTPS://Portal.Example.org:4443
                http://intranet.example.org
                http://198.51.100.7:8080
                198.51.100.8
                [2001:db8::10]
                https://[2001:db8::11]:8443
                http://[::1]
                """);
        assertEquals("J. Doe, CISO, change ticket #4711", scope.authorisation(), "an authorisation keeps its '#'");
        assertEquals(List.of(
                new ProbeTarget("sp.example.org", 443, true, 4),
                new ProbeTarget("sp2.example.org", 8443, true, 5),
                new ProbeTarget("sp3.example.org", 443, true, 6),
                new ProbeTarget("portal.example.org", 4443, true, 7),
                new ProbeTarget("intranet.example.org", 80, false, 8),
                new ProbeTarget("198.51.100.7", 8080, false, 9),
                new ProbeTarget("198.51.100.8", 443, true, 10),
                new ProbeTarget("2001:db8::10", 443, true, 11),
                new ProbeTarget("2001:db8::11", 8443, true, 12),
                new ProbeTarget("::1", 80, false, 13)), scope.targets());
        assertEquals(List.of(), scope.problems());
        assertEquals(directory.resolve("scope.txt"), scope.file());
        assertEquals("https://[2001:db8::11]:8443", scope.targets().get(8).toString());
        assertEquals("[2001:db8::11]:8443", scope.targets().get(8).authority());
        assertEquals("intranet.example.org", scope.targets().get(4).authority(), "the default port is left out of the Host header");
    }

    @Test
    public void testAmericanSpellingOfTheHeaderIsAccepted()
            throws Exception
    {
        ProbeScope scope = read("authorized-by: Lab team\nsp.example.org\n");
        assertEquals("Lab team", scope.authorisation());
    }

    @Test
    public void testCidrBlocksExpandToEveryAddress()
            throws Exception
    {
        ProbeScope scope = read("""
                authorised-by: lab
                192.0.2.0/30
                http://198.51.100.0/31:8080
                203.0.113.9/32
                10.20.0.0/22
                """);
        List<ProbeTarget> targets = scope.targets();
        assertEquals(4 + 2 + 1 + 1024, targets.size());
        assertEquals(new ProbeTarget("192.0.2.0", 443, true, 2), targets.get(0));
        assertEquals(new ProbeTarget("192.0.2.3", 443, true, 2), targets.get(3));
        assertEquals(new ProbeTarget("198.51.100.0", 8080, false, 3), targets.get(4));
        assertEquals(new ProbeTarget("198.51.100.1", 8080, false, 3), targets.get(5));
        assertEquals(new ProbeTarget("203.0.113.9", 443, true, 4), targets.get(6));
        assertEquals(new ProbeTarget("10.20.0.0", 443, true, 5), targets.get(7));
        assertEquals(new ProbeTarget("10.20.1.0", 443, true, 5), targets.get(7 + 256));
        assertEquals(new ProbeTarget("10.20.3.255", 443, true, 5), targets.get(targets.size() - 1));
    }

    @Test
    public void testBadLinesAreReportedWithFileAndLineAndSkipped()
            throws Exception
    {
        ProbeScope scope = read("""
                authorised-by: lab
                sp.example.org
                10.0.0.0/21
                192.0.2.5/24
                sp.example.org:70000
                ftp://files.example.org
                https://sp.example.org/sites/home
                2001:db8::10
                999.1.1.1
                -bad-.example.org
                sp two.example.org
                [sp.example.org]:443
                [2001:db8::zz]
                2001:db8::/120
                10.0.0.0/33
                sp.example.org:
                authorised-by: someone else
                good.example.org
                """);
        String file = directory.resolve("scope.txt").toString();
        assertEquals(List.of(new ProbeTarget("sp.example.org", 443, true, 2), new ProbeTarget("good.example.org", 443, true, 18)),
                scope.targets());
        List<String> problems = new ArrayList<>();
        for (ScopeProblem problem : scope.problems()) {
            problems.add(problem.toString());
        }
        assertEquals(List.of(
                file + ":3: '10.0.0.0/21': /21 covers 2048 addresses; at most /22 (1024 addresses) per line",
                file + ":4: '192.0.2.5/24': host bits are set; the block is 192.0.2.0/24",
                file + ":5: 'sp.example.org:70000': port must be a number in [1,65535]",
                file + ":6: 'ftp://files.example.org': unsupported scheme; use https:// or http://",
                file + ":7: 'https://sp.example.org/sites/home': a target is host[:port] or an IPv4 CIDR block; paths are not part of a target",
                file + ":8: '2001:db8::10': write IPv6 addresses in brackets, as in [2001:db8::10]:443",
                file + ":9: '999.1.1.1': not a valid IPv4 address",
                file + ":10: '-bad-.example.org': host name label starts or ends with '-'",
                file + ":11: 'sp two.example.org': one target per line; a target has no spaces",
                file + ":12: '[sp.example.org]:443': brackets are for IPv6 addresses only",
                file + ":13: '[2001:db8::zz]': not a valid IPv6 address",
                file + ":14: '2001:db8::/120': write IPv6 addresses in brackets, as in [2001:db8::10]:443",
                file + ":15: '10.0.0.0/33': CIDR prefix must be a number in [22,32]",
                file + ":16: 'sp.example.org:': port must be a number in [1,65535]",
                file + ":17: second authorised-by line ignored; the one at line 1 stands"), problems);
    }

    @Test
    public void testDuplicatesAreProbedOnce()
            throws Exception
    {
        ProbeScope scope = read("""
                authorised-by: lab
                192.0.2.1
                https://192.0.2.1:443
                192.0.2.0/30
                http://192.0.2.1:443
                192.0.2.1:8443
                """);
        assertEquals(List.of(
                new ProbeTarget("192.0.2.1", 443, true, 2),
                new ProbeTarget("192.0.2.0", 443, true, 4),
                new ProbeTarget("192.0.2.2", 443, true, 4),
                new ProbeTarget("192.0.2.3", 443, true, 4),
                new ProbeTarget("192.0.2.1", 8443, true, 6)), scope.targets());
        assertEquals(3, scope.problems().size());
        assertTrue(scope.problems().get(0).toString().endsWith(":3: 'https://192.0.2.1:443': already listed at line 2, skipped"),
                scope.problems().get(0).toString());
        assertTrue(scope.problems().get(1).toString().endsWith(":4: '192.0.2.0/30': 1 of 4 addresses already listed (first at line 2), skipped"),
                scope.problems().get(1).toString());
        assertTrue(scope.problems().get(2).toString().endsWith(":5: 'http://192.0.2.1:443': already listed at line 2, skipped"),
                scope.problems().get(2).toString());
    }

    @Test
    public void testScopeWithoutAuthorisationIsRefused()
            throws IOException
    {
        String file = directory.resolve("scope.txt").toString();
        ProbeException missing = assertThrows(ProbeException.class, () -> read("# nothing but comments\n\n"));
        assertEquals(file + ": no 'authorised-by:' line; a scope must say who authorised the scan", missing.getMessage());
        assertEquals(directory.resolve("scope.txt"), missing.file());

        ProbeException targetFirst = assertThrows(ProbeException.class, () -> read("# lab\nsp.example.org\nauthorised-by: lab\n"));
        assertEquals(file + ":2: the first line that is not a comment must be 'authorised-by: <who authorised this scan>'",
                targetFirst.getMessage());

        ProbeException nobody = assertThrows(ProbeException.class, () -> read("authorised-by:   \nsp.example.org\n"));
        assertEquals(file + ":1: 'authorised-by:' names nobody", nobody.getMessage());
    }

    @Test
    public void testScopeWithoutTargetsIsRefused()
    {
        String file = directory.resolve("scope.txt").toString();
        ProbeException none = assertThrows(ProbeException.class, () -> read("authorised-by: lab\n# no targets yet\n"));
        assertEquals(file + ": no target to probe", none.getMessage());

        ProbeException allBad = assertThrows(ProbeException.class, () -> read("authorised-by: lab\n10.0.0.0/8\nbad host\n"));
        assertEquals(file + ": no target to probe (2 bad lines; first: " + file
                + ":2: '10.0.0.0/8': /8 covers 16777216 addresses; at most /22 (1024 addresses) per line)", allBad.getMessage());
    }

    @Test
    public void testMissingFileIsRefusedWithItsName()
    {
        Path file = directory.resolve("absent.txt");
        ProbeException e = assertThrows(ProbeException.class, () -> ProbeScope.read(file));
        assertTrue(e.getMessage().startsWith(file + ": cannot read the scope file: NoSuchFileException"), e.getMessage());
    }

    @Test
    public void testUndecodableBytesMakeABadLineNotABadFile()
            throws Exception
    {
        Path file = directory.resolve("scope.txt");
        byte[] bad = "authorised-by: lab\nsp\u00e9.example.org\nsp.example.org\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, bad);
        ProbeScope scope = ProbeScope.read(file);
        assertEquals(List.of(new ProbeTarget("sp.example.org", 443, true, 3)), scope.targets());
        assertEquals(1, scope.problems().size());
        assertTrue(scope.problems().get(0).toString().startsWith(file + ":2: "), scope.problems().get(0).toString());
    }

    @Test
    public void testRecordsRejectUnusableValues()
    {
        assertThrows(IllegalArgumentException.class, () -> new ProbeTarget("sp.example.org", 0, true));
        assertThrows(IllegalArgumentException.class, () -> new ProbeTarget("bad host", 443, true));
        assertThrows(IllegalArgumentException.class, () -> new ProbeTarget("1.2.3.256", 443, true));
        assertThrows(IllegalArgumentException.class, () -> new ProbeScope(List.of(), "lab", Path.of("scope.txt")));
        assertThrows(IllegalArgumentException.class, () -> new ProbeScope(List.of(new ProbeTarget("::1", 80, false)), " ", Path.of("s")));
    }

    @Test
    public void testRandomCidrBlocksExpandExactly()
            throws Exception
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestProbeScope seed: " + seed);
        Random random = new Random(seed);
        for (int iteration = 0; iteration < 40; iteration++) {
            int prefix = ScopeReader.SMALLEST_PREFIX + random.nextInt(32 - ScopeReader.SMALLEST_PREFIX + 1);
            long size = 1L << (32 - prefix);
            long network = (random.nextLong() & 0xffffffffL) & ~(size - 1) & 0xffffffffL;
            String block = Hosts.formatIpv4(network) + "/" + prefix;
            String message = "seed " + seed + ", iteration " + iteration + ", block " + block;
            ProbeScope scope = read("authorised-by: lab\n" + block + "\n");
            List<ProbeTarget> targets = scope.targets();
            assertEquals(size, targets.size(), message);
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < targets.size(); i++) {
                long address = Hosts.parseIpv4(targets.get(i).host());
                assertEquals(network + i, address, message + ", address " + i);
                assertEquals(2, targets.get(i).line(), message);
                distinct.add(targets.get(i).host());
            }
            assertEquals(size, distinct.size(), message);
            // The same block with one host bit set is refused.
            if (size > 1) {
                long inside = network + 1 + random.nextInt((int) size - 1);
                ProbeException e = assertThrows(ProbeException.class, () -> read("authorised-by: lab\n" + Hosts.formatIpv4(inside) + "/" + prefix + "\n"),
                        message);
                assertTrue(e.getMessage().contains("host bits are set; the block is " + block), message + ": " + e.getMessage());
            }
        }
    }

    private ProbeScope read(String text)
            throws IOException, ProbeException
    {
        Path file = directory.resolve("scope.txt");
        Files.writeString(file, text, UTF_8);
        return ProbeScope.read(file);
    }
}
