package dev.tradecraft.sigma.value;

import static java.util.Objects.requireNonNull;

/**
 * A stretch every match of a regular expression contains: at least {@code length} consecutive
 * characters of one class, such as the 64 hex digits of {@code \s[a-fA-F0-9]{64}\s}. Checking a
 * value for it is one cheap pass, where RE2/J would run its automaton over every character.
 *
 * @param members the ASCII members of the class
 * @param anyWide whether every character outside ASCII counts as a member (case-insensitive
 *        expressions, where RE2 lets the Kelvin sign stand for k)
 */
public record ClassRun(boolean[] members, boolean anyWide, int length)
{
    public ClassRun
    {
        requireNonNull(members, "members is null");
        if (members.length != 128) {
            throw new IllegalArgumentException("members must cover ASCII: " + members.length);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        members = members.clone();
    }

    public boolean foundIn(String value)
    {
        int run = 0;
        for (int i = 0, size = value.length(); i < size; i++) {
            char c = value.charAt(i);
            if (c < 128 ? members[c] : anyWide) {
                if (++run >= length) {
                    return true;
                }
            }
            else {
                run = 0;
            }
        }
        return false;
    }
}
