package dev.tradecraft.hunt.ioc;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.core.Level;
import dev.tradecraft.core.RuleRef;

/**
 * One published indicator: its type and (refanged) value, who published it and when. The date
 * matters for attribution later: an indicator public before an intrusion is weaker evidence of
 * one actor.
 *
 * @param type what kind of value
 * @param value the value, refanged and normalised (lower case for hashes and domains)
 * @param source who published it
 * @param firstPublished when it became public, if known
 * @param level how much a match matters on its own
 * @param note free text, e.g. "exploit source first wave"
 * @param feed the feed file it came from
 */
public record IocIndicator(IocType type, String value, String source, Optional<LocalDate> firstPublished, Level level, String note, String feed)
{
    public IocIndicator
    {
        requireNonNull(type, "type is null");
        checkNotBlank(value, "value");
        requireNonNull(source, "source is null");
        requireNonNull(firstPublished, "firstPublished is null");
        requireNonNull(level, "level is null");
        requireNonNull(note, "note is null");
        requireNonNull(feed, "feed is null");
    }

    /** The hit source this indicator stands for: id {@code ioc:<type>:<value>}, author = source. */
    public RuleRef ref()
    {
        String title = "IOC " + type + " " + value + (note.isEmpty() ? "" : " (" + note + ")");
        return new RuleRef("ioc:" + type + ":" + value, title, level, source, List.of("tradecraft.ioc", "tradecraft.ioc." + type), RuleRef.Kind.IOC);
    }
}
