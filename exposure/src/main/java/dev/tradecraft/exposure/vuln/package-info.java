/**
 * Vulnerability knowledge for exposure: CVE JSON 5 records ({@link dev.tradecraft.exposure.vuln.CveRecords}),
 * CISA's KEV catalogue ({@link dev.tradecraft.exposure.vuln.KevCatalog}), dotted versions
 * ({@link dev.tradecraft.exposure.vuln.Version}), and the SharePoint facts the records leave out
 * (products, the builds they shipped, end of life), joined in
 * {@link dev.tradecraft.exposure.vuln.VulnerabilityKnowledge}, which reads a version as a scanner shows
 * it and gives a per-CVE verdict with its reason.
 */
package dev.tradecraft.exposure.vuln;
