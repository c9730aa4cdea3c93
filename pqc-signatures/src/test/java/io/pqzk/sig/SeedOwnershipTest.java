package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The caller's seed is the caller's: deriving keys from it neither keeps nor zeroes it. */
class SeedOwnershipTest {
  @ParameterizedTest
  @EnumSource(value = SignatureAlgorithm.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "SLH_DSA_SHA2_128F"})
  void keyPairFromSeed_leavesCallersSeedIntact_evenAfterDestroy(SignatureAlgorithm alg)
      throws Exception {
    byte[] seed = new byte[alg.seedLength()];
    Arrays.fill(seed, (byte) 0x5a);
    byte[] before = seed.clone();
    PqKeyPair first = Signatures.keyPairFromSeed(alg, seed);
    first.privateKey().destroy();
    assertArrayEquals(before, seed, "the caller's seed was changed");
    PqKeyPair again = Signatures.keyPairFromSeed(alg, seed);
    assertEquals(Signatures.keyPairFromSeed(alg, before).publicKey(), again.publicKey());
  }
}
