package dev.tradecraft.exposure.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tradecraft.exposure.fingerprint.RecogDatabase;
import dev.tradecraft.exposure.fingerprint.RecogDatabases;

public class TestHeaderDatabases
{
    private static final RecogDatabases BUILT_IN = BuiltInFingerprints.load();
    private static final HeaderDatabases HEADERS = new HeaderDatabases(BUILT_IN);

    @Test
    public void testNamesMatchInAnyCase()
    {
        RecogDatabase server = BUILT_IN.forKey("http_header.server").orElseThrow();
        for (String name : new String[] {"server", "Server", "SERVER", "sErVeR"}) {
            assertEquals(Optional.of(server), HEADERS.forHeader(name), name);
        }
        RecogDatabase version = BUILT_IN.forKey("http_header.microsoftsharepointteamservices").orElseThrow();
        assertEquals(Optional.of(version), HEADERS.forHeader("MicrosoftSharePointTeamServices"));
    }

    @Test
    public void testOtherNamesMatchNothing()
    {
        for (String name : new String[] {"", "Date", "Serve", "Servers", "Ser ver", "\u017Fer\u017Fer", "\u017Ferver", "Serv\u00E9r", "SERVER\u0000"}) {
            assertTrue(HEADERS.forHeader(name).isEmpty(), name);
        }
    }
}
