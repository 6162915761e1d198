package dev.tradecraft.server.web;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret every dashboard request must carry: 32 random bytes, URL-safe Base64 without padding,
 * or a value the user chose through {@code TRADECRAFT_TOKEN}. Compared in constant time; never
 * printed by {@link #toString()}.
 */
public final class Token
{
    public static final String ENVIRONMENT_VARIABLE = "TRADECRAFT_TOKEN";

    /** Short tokens can be guessed; the URL-safe alphabet keeps them usable in a query string and a cookie. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9_-]{16,256}");
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private Token(String value)
    {
        this.value = value;
    }

    /** A new random token. */
    public static Token generate()
    {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new Token(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * A given token.
     *
     * @throws IllegalArgumentException when it is shorter than 16 characters, longer than 256, or
     *         uses characters other than letters, digits, {@code -} and {@code _}
     */
    public static Token of(String value)
    {
        requireNonNull(value, "token is null");
        if (!ACCEPTED.matcher(value).matches()) {
            throw new IllegalArgumentException("a token must be 16 to 256 characters of A-Z a-z 0-9 - _ (got " + value.length() + " characters)");
        }
        return new Token(value);
    }

    /** The token in {@code TRADECRAFT_TOKEN}, if set and not blank. */
    public static Optional<Token> fromEnvironment()
    {
        String value = System.getenv(ENVIRONMENT_VARIABLE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(of(value.strip()));
    }

    /** {@link #fromEnvironment()} or else a new random one. */
    public static Token fromEnvironmentOrGenerate()
    {
        return fromEnvironment().orElseGet(Token::generate);
    }

    public String value()
    {
        return value;
    }

    /** Whether {@code candidate} is this token, in time that does not depend on where they differ. */
    public boolean matches(String candidate)
    {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString()
    {
        return "Token[redacted]";
    }
}
