/**
 * Sigma detection for Tradecraft: load rules ({@link dev.tradecraft.sigma.SigmaRuleLoader}), map
 * their logsources to events ({@link dev.tradecraft.sigma.LogsourceMappings}), compile
 * ({@link dev.tradecraft.sigma.SigmaCompiler}) and match events
 * ({@link dev.tradecraft.sigma.SigmaRuleset}). This package is the module's API; the
 * sub-packages hold the rule model and its parts (public only because Java has no module-private
 * visibility without JPMS), and the evaluator stays package-private here so it can be replaced.
 * The module knows no file formats: events arrive as {@link dev.tradecraft.core.Event}s.
 */
package dev.tradecraft.sigma;
