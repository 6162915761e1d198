package dev.tradecraft.server.response;

import static dev.tradecraft.core.Checks.checkNotBlank;

import java.util.List;
import java.util.Optional;

/**
 * What one organisation should do, built from what was found there.
 *
 * @param organisation the organisation
 * @param status compromised, attempted or clean
 * @param summary one sentence: what was found
 * @param items the steps, in order
 */
public record ResponseChecklist(String organisation, String status, String summary, List<ChecklistItem> items)
{
    public ResponseChecklist
    {
        checkNotBlank(organisation, "organisation");
        checkNotBlank(status, "status");
        checkNotBlank(summary, "summary");
        items = List.copyOf(items);
    }

    public Optional<ChecklistItem> item(Step step)
    {
        return items.stream().filter(item -> item.step() == step).findFirst();
    }
}
