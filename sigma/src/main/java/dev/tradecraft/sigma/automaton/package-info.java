/** Multi-literal search (Aho–Corasick compiled to a transition table) for the Sigma prefilter. */
package dev.tradecraft.sigma.automaton;
