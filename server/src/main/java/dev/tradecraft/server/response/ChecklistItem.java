package dev.tradecraft.server.response;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One step of a response checklist: what to do, why, and the things to do it to (servers, paths,
 * indicators: attacker-controlled text, to be escaped where shown).
 *
 * @param step the kind of step
 * @param instruction what to do, in a sentence
 * @param targets the servers, paths or indicators it applies to; may be empty
 */
public record ChecklistItem(Step step, String instruction, List<String> targets)
{
    public ChecklistItem
    {
        requireNonNull(step, "step is null");
        checkNotBlank(instruction, "instruction");
        targets = List.copyOf(targets);
    }
}
