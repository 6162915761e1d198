/**
 * SigmaHQ-style regression cases: an {@code info.yml} names a rule and the events that must make
 * it fire (and how often); {@link dev.tradecraft.hunt.regression.RegressionCases} finds them,
 * {@link dev.tradecraft.hunt.regression.RegressionRun} hunts each case's events with the rule set
 * and says which cases passed.
 */
package dev.tradecraft.hunt.regression;
