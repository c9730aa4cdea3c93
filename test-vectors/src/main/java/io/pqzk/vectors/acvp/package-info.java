/**
 * NIST ACVP ML-DSA and SLH-DSA keyGen, sigGen and sigVer vector sets: prompts joined with their
 * expected results on (tgId, tcId), or internal projections, as typed cases. A prompt whose
 * answers do not join is refused, not half-loaded.
 */
package io.pqzk.vectors.acvp;
