/** Logsource mappings as data: which events a rule logsource selects, and the field renames per kind of event. */
package dev.tradecraft.sigma.logsource;
