package dev.tradecraft.campaigns.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TestEncodedCommands
{
    private static final String SCRIPT = "$base64String = 'PCVAIFBhZ2UgJT4='; [IO.File]::WriteAllBytes('C:\\x\\spinstall0.aspx', [Convert]::FromBase64String($base64String))";
    private static final String ENCODED = Base64.getEncoder().encodeToString(SCRIPT.getBytes(StandardCharsets.UTF_16LE));

    @Test
    void testEveryFlagSpellingDecodesTheSameScript()
    {
        for (String flag : new String[] {"-EncodedCommand", "-enc", "-ec", "-e", "-EnCoDeDcOmMaNd", "/enc", "\u2013encodedcommand", "-encodedcom"}) {
            assertEquals(Optional.of(SCRIPT), EncodedCommands.decodedScript("powershell.exe -nop -w hidden " + flag + " " + ENCODED), flag);
        }
        assertEquals(Optional.of(SCRIPT), EncodedCommands.decodedScript("cmd.exe /c powershell -EncodedCommand \"" + ENCODED + "\""));
    }

    @Test
    void testOtherFlagsAreNotEncodedCommands()
    {
        assertFalse(EncodedCommands.isEncodedCommandFlag("-ExecutionPolicy"));
        assertFalse(EncodedCommands.isEncodedCommandFlag("-ep"));
        assertFalse(EncodedCommands.isEncodedCommandFlag("-"));
        assertEquals(Optional.empty(), EncodedCommands.decodedScript("powershell -ExecutionPolicy Bypass -File x.ps1"));
    }

    @Test
    void testWrappingDoesNotChangeTheFingerprint()
    {
        String viaCmd = EncodedCommands.decodedScript("cmd /c powershell -e " + ENCODED).orElseThrow();
        String respaced = SCRIPT.replace(" = ", "   =   ").toUpperCase(java.util.Locale.ROOT).replace('\'', '"');
        assertEquals(EncodedCommands.fingerprint(viaCmd), EncodedCommands.fingerprint(respaced));
        assertNotEquals(EncodedCommands.fingerprint(SCRIPT), EncodedCommands.fingerprint(SCRIPT.replace("spinstall0", "spinstall1")));
        assertEquals(64, EncodedCommands.fingerprint(SCRIPT).length());
    }

    @Test
    void testBinaryOrBrokenBase64IsNoScript()
    {
        assertEquals(Optional.empty(), EncodedCommands.decodedScript("powershell -enc %%%notbase64%%%"));
        byte[] binary = new byte[64];
        new Random(7).nextBytes(binary);
        binary[1] = 0x01;
        assertEquals(Optional.empty(), EncodedCommands.decodedScript("powershell -enc " + Base64.getEncoder().encodeToString(binary)));
        assertEquals(Optional.empty(), EncodedCommands.decodedScript("powershell -enc"));
    }

    @Test
    void testRandomCommandLinesNeverThrow()
    {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            StringBuilder line = new StringBuilder("powershell ");
            int length = random.nextInt(200);
            for (int j = 0; j < length; j++) {
                line.append((char) (random.nextBoolean() ? ' ' + random.nextInt(95) : random.nextInt(0x3000)));
            }
            Optional<String> script = EncodedCommands.decodedScript(line.toString());
            assertTrue(script.isEmpty() || script.get().length() <= line.length(), "seed " + seed);
            EncodedCommands.fingerprint(line.toString());
        }
    }
}
