package io.pqzk.vectors.kat;

import java.util.Arrays;

/**
 * One entry of a FIPS 204 {@code .rsp} KAT file (post-quantum-cryptography/KAT, MLDSA/).
 *
 * @param xi the key-generation seed ξ (FIPS 204 Algorithm 6)
 * @param seed the AES-CTR-DRBG seed the generator used (informational)
 * @param rng the 32-byte signing randomness rnd for hedged files, null for deterministic ones
 * @param sm signature ‖ message, {@code smlen} bytes
 * @param ctx the context string, null where the file has none (the internal "raw" files)
 */
public record KatEntry(
    int count, byte[] xi, byte[] seed, byte[] rng, byte[] msg, byte[] pk, byte[] sk, byte[] sm,
    byte[] ctx) {

  /** The signature: {@code sm} without the trailing message. */
  public byte[] signature() {
    return Arrays.copyOf(sm, sm.length - msg.length);
  }
}
