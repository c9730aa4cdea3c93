package io.pqzk.zk.groth16.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.groth16.Groth16Proof;
import io.pqzk.zk.groth16.Groth16Verifier;
import io.pqzk.zk.groth16.Groth16VerifyingKey;
import org.junit.jupiter.api.Timeout;

/**
 * ZoKrates {@code verification.key.json} through {@link Groth16VerifyingKey#fromJson} (strict),
 * as a genesis pins it and {@code pqzk zokrates verify} reads it; a key that parses is then used
 * to verify every real proof of its curve and shape, which returns or throws a {@link
 * ProofException}, never anything else.
 */
class Groth16KeyFuzzTest {
  @FuzzTest
  @Timeout(20)
  void parse(byte[] input) {
    Groth16VerifyingKey vk;
    try {
      vk = Groth16VerifyingKey.fromJson(input);
    } catch (ProofException refused) {
      ZokratesFixtures.hasMessage(refused);
      return;
    }
    for (Groth16Proof p : ZokratesFixtures.PROOFS) {
      if (p.curve() == vk.curve() && p.inputs().size() == vk.publicInputCount()) {
        try {
          Groth16Verifier.verify(vk, p);
        } catch (ProofException refused) {
          ZokratesFixtures.hasMessage(refused);
        }
      }
    }
  }
}
