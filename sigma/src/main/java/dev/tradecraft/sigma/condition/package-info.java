/** Sigma conditions: parse to a tree, then resolve it against a detection's identifiers. */
package dev.tradecraft.sigma.condition;
