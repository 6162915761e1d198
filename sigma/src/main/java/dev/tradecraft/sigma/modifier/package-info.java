/** The registry of Sigma value modifiers and their application to YAML values. */
package dev.tradecraft.sigma.modifier;
