package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every command answers --help, as a user tries first. */
class TestHelp
{
    @Test
    void testEveryCommandAnswersHelp()
    {
        for (String command : new String[] {"demo", "hunt", "campaigns", "exposure", "probe", "rules", "rules check", "rules test", "evtx", "evtx dump",
                "sql", "export", "report", "serve", "kafka", "kafka send", "kafka hits"}) {
            String[] words = (command + " --help").split(" ");
            CommandRun run = CommandRun.of(words);
            assertEquals(0, run.exitCode(), command + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: tradecraft " + command), command + ": " + run.out());
        }
    }
}
