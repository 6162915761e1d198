package dev.tradecraft.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Origin;

class TestLogTree
{
    @TempDir
    Path temp;

    @Test
    void testFirstLevelIsOrganisationSecondIsHost() throws IOException
    {
        Path root = temp.resolve("weblogs");
        touch(root.resolve("contoso/sp-wfe01/W3SVC1/u_ex250718.log"));
        touch(root.resolve("contoso/sp-wfe02/u_ex250718.log"));
        touch(root.resolve("fabrikam/web/u_ex250718.log.gz"));
        List<LogFile> files = LogTree.discover(List.of(root), Optional.empty());
        assertEquals(List.of(
                new Origin("contoso", "sp-wfe01"), new Origin("contoso", "sp-wfe02"), new Origin("fabrikam", "web")),
                files.stream().map(LogFile::origin).toList());
        assertEquals("weblogs/contoso/sp-wfe01/W3SVC1/u_ex250718.log", files.get(0).displayName());
    }

    @Test
    void testFilesAboveTheLayoutAreKept() throws IOException
    {
        Path root = temp.resolve("drop");
        touch(root.resolve("loose.log"));
        touch(root.resolve("contoso/orphan.json"));
        List<LogFile> files = LogTree.discover(List.of(root), Optional.empty());
        assertEquals(List.of(new Origin("contoso", Origin.UNKNOWN_HOST), new Origin("drop", Origin.UNKNOWN_HOST)),
                files.stream().map(LogFile::origin).toList());
    }

    @Test
    void testFixedOrganisationMakesFirstLevelTheHost() throws IOException
    {
        Path root = temp.resolve("case-42");
        touch(root.resolve("sp-wfe01/u_ex250718.log"));
        touch(root.resolve("notes.txt"));
        List<LogFile> files = LogTree.discover(List.of(root), Optional.of("Lakeside County"));
        assertEquals(List.of(new Origin("Lakeside County", Origin.UNKNOWN_HOST), new Origin("Lakeside County", "sp-wfe01")),
                files.stream().map(LogFile::origin).toList());
    }

    @Test
    void testHiddenFilesAndFoldersAreSkipped() throws IOException
    {
        Path root = temp.resolve("logs");
        touch(root.resolve("contoso/web/.DS_Store"));
        touch(root.resolve("contoso/.git/config"));
        touch(root.resolve("contoso/web/a.log"));
        assertEquals(1, LogTree.discover(List.of(root), Optional.empty()).size());
    }

    @Test
    void testSeveralRootsKeepTheirOrder() throws IOException
    {
        Path web = temp.resolve("web");
        Path events = temp.resolve("events");
        touch(web.resolve("contoso/h1/a.log"));
        touch(events.resolve("contoso/h1/sysmon.json"));
        List<LogFile> files = LogTree.discover(List.of(web, events), Optional.empty());
        assertEquals(List.of("web/contoso/h1/a.log", "events/contoso/h1/sysmon.json"), files.stream().map(LogFile::displayName).toList());
    }

    @Test
    void testMissingRootIsAnError()
    {
        IOException error = assertThrows(IOException.class, () -> LogTree.discover(List.of(temp.resolve("nope")), Optional.empty()));
        assertEquals("hunt root does not exist: " + temp.resolve("nope"), error.getMessage());
    }

    private static void touch(Path file) throws IOException
    {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }
}
