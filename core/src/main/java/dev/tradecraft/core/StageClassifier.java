package dev.tradecraft.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Places a hit in an intrusion stage. A {@code tradecraft.stage.*} tag decides when present (all
 * built-in rules carry one). Rules brought by the user (SigmaHQ's, for instance) are placed from
 * their ATT&amp;CK and CVE tags and the event they matched:
 * <ul>
 * <li>web events: T1505.003 (web shell) → webshell; T1190 or a CVE tag → exploit when the request
 * went to ToolPane.aspx, webshell otherwise (SigmaHQ's ToolShell web rule covers both);</li>
 * <li>host events: level high or critical, and either a web-shell/CVE tag or the IIS worker
 * {@code w3wp.exe} as the process or its parent → post-exploitation;</li>
 * <li>everything else → other, which is shown but never decides an organisation's status.</li>
 * </ul>
 */
public final class StageClassifier
{
    private StageClassifier() {}

    public static Stage classify(Hit hit)
    {
        RuleRef rule = hit.rule();
        if (rule.kind() == RuleRef.Kind.IOC) {
            return Stage.IOC;
        }
        for (String tag : rule.tags()) {
            Optional<Stage> stage = Stage.fromTag(tag);
            if (stage.isPresent()) {
                return stage.get();
            }
        }
        Event event = hit.event();
        if (WebResponse.isWebEvent(event)) {
            if (rule.hasTag("attack.t1505.003")) {
                return Stage.WEBSHELL;
            }
            if (rule.hasTag("attack.t1190") || hasCveTag(rule)) {
                String stem = event.field("cs-uri-stem");
                boolean toolPane = stem != null && stem.toLowerCase(Locale.ROOT).contains("toolpane.aspx");
                return toolPane ? Stage.EXPLOIT : Stage.WEBSHELL;
            }
            return Stage.OTHER;
        }
        if (rule.level().compareTo(Level.HIGH) >= 0
                && (rule.hasTag("attack.t1505.003") || hasCveTag(rule) || involvesWebWorker(event))) {
            return Stage.POST_EXPLOITATION;
        }
        return Stage.OTHER;
    }

    private static boolean hasCveTag(RuleRef rule)
    {
        for (String tag : rule.tags()) {
            if (tag.startsWith("cve.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean involvesWebWorker(Event event)
    {
        return isWebWorker(event.field("ParentImage")) || isWebWorker(event.field("Image"))
                || isWebWorker(event.field("ParentProcessName")) || isWebWorker(event.field("NewProcessName"));
    }

    private static boolean isWebWorker(String image)
    {
        return image != null && image.toLowerCase(Locale.ROOT).endsWith("\\w3wp.exe");
    }
}
