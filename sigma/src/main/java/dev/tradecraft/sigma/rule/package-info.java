/** The rule model below {@link dev.tradecraft.sigma.SigmaRule} (detection, identifiers, items) and the YAML-to-rule parser. */
package dev.tradecraft.sigma.rule;
