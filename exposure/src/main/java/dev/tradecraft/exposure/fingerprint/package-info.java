/**
 * Rapid7 Recog fingerprints: load a folder of Recog XML databases
 * ({@link dev.tradecraft.exposure.fingerprint.RecogDatabases}), pick one by its {@code matches} key
 * and match a banner, header or title against it
 * ({@link dev.tradecraft.exposure.fingerprint.RecogDatabase#match}) to get Recog's assertions
 * ({@link dev.tradecraft.exposure.fingerprint.RecogMatch}). Patterns keep the meaning they have in
 * Recog's Ruby implementation and run in RE2/J, linear in the attacker-controlled text; the rare
 * pattern RE2/J cannot express runs in java.util.regex under a work budget. Loading never stops
 * at a bad fingerprint: each fault is a {@link dev.tradecraft.exposure.fingerprint.FingerprintProblem}
 * with file and line.
 */
package dev.tradecraft.exposure.fingerprint;
