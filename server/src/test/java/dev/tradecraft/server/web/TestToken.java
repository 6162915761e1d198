package dev.tradecraft.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class TestToken
{
    @Test
    void testGeneratedTokenIs32RandomBytesUrlSafe()
    {
        Token token = Token.generate();
        assertTrue(token.value().matches("[A-Za-z0-9_-]{43}"), token.value());
        assertEquals(32, Base64.getUrlDecoder().decode(token.value()).length);
        assertNotEquals(token.value(), Token.generate().value());
    }

    @Test
    void testMatchesOnlyTheSameValue()
    {
        Token token = Token.of("abcdefghijklmnop-_0123");
        assertTrue(token.matches("abcdefghijklmnop-_0123"));
        assertFalse(token.matches("abcdefghijklmnop-_012"));
        assertFalse(token.matches("abcdefghijklmnop-_01234"));
        assertFalse(token.matches("Abcdefghijklmnop-_0123"));
        assertFalse(token.matches(""));
        assertFalse(token.matches(null));
    }

    @Test
    void testGivenTokensMustBeLongAndUrlSafe()
    {
        assertThrows(IllegalArgumentException.class, () -> Token.of("short"));
        assertThrows(IllegalArgumentException.class, () -> Token.of("sixteen chars but spaces"));
        assertThrows(IllegalArgumentException.class, () -> Token.of("abcdefghijklmnop;Path=/"));
        assertEquals("Token[redacted]", Token.of("abcdefghijklmnopqrst").toString());
    }
}
