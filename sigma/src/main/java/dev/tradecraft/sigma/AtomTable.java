package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the literal atoms of one compile: those rule trees decide leaves by (a field contains,
 * starts with, ends with or equals a literal) and those the prefilter wakes rules by. Equal atoms
 * share a number, so one automaton hit serves every rule that looks for the literal.
 */
final class AtomTable
{
    private final Map<LiteralAtom, Integer> ids = new HashMap<>();
    private final List<LiteralAtom> atoms = new ArrayList<>();

    int id(LiteralAtom atom)
    {
        requireNonNull(atom, "atom is null");
        Integer id = ids.get(atom);
        if (id == null) {
            id = atoms.size();
            ids.put(atom, id);
            atoms.add(atom);
        }
        return id;
    }

    int size()
    {
        return atoms.size();
    }

    LiteralAtom atom(int id)
    {
        return atoms.get(id);
    }
}
