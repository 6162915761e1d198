/** YAML read as a node tree with line numbers, shared by the rule and mapping parsers. */
package dev.tradecraft.sigma.yaml;
