/**
 * Sigma correlation rules (meta rules): the model ({@link dev.tradecraft.sigma.correlation.SigmaCorrelation}),
 * its parser, the resolution of the rules a correlation names across a loaded rule set, and the
 * engine that turns base-rule matches, in event-time order, into correlation hits
 * ({@link dev.tradecraft.sigma.correlation.CorrelationEngine}).
 */
package dev.tradecraft.sigma.correlation;
