package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An artefact seen in a campaign (source address, webshell name, dropper fingerprint, …) with the
 * organisations where it was seen: the edges of the campaign's victim graph.
 *
 * @param type observable type label, e.g. source-ip, webshell-name
 * @param value as seen (attacker-controlled text: escape where shown)
 * @param organisations where it was seen, sorted
 */
public record SharedArtefact(String type, String value, List<String> organisations)
{
    public SharedArtefact
    {
        requireNonNull(type, "type is null");
        requireNonNull(value, "value is null");
        organisations = List.copyOf(organisations);
    }
}
