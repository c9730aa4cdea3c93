package io.pqzk.zk.groth16.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.groth16.Groth16Proof;
import io.pqzk.zk.groth16.Groth16Verifier;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * ZoKrates {@code proof.json} through {@link Groth16Proof#fromJson} (strict) and {@link
 * Groth16Verifier#verify} under the verification key of a real zokrates-js setup (first byte:
 * which of the six fixtures). Groth16 proofs are malleable, so another proof of the same
 * statement may verify; a proof verifies only with the public inputs the real proof proves.
 * Every refusal is a {@link ProofException}.
 */
class Groth16ProofFuzzTest {
  @FuzzTest
  @Timeout(20)
  void verify(byte[] input) {
    if (input.length < 1) {
      return;
    }
    int pick = Byte.toUnsignedInt(input[0]) % ZokratesFixtures.ALL.size();
    Groth16Proof proof;
    try {
      proof = Groth16Proof.fromJson(Arrays.copyOfRange(input, 1, input.length));
      Groth16Verifier.verify(ZokratesFixtures.KEYS.get(pick), proof);
    } catch (ProofException refused) {
      ZokratesFixtures.hasMessage(refused);
      return;
    }
    Groth16Proof real = ZokratesFixtures.PROOFS.get(pick);
    if (proof.curve() != real.curve() || !proof.inputs().equals(real.inputs())) {
      throw new AssertionError("a Groth16 proof verified for public inputs " + proof.inputs()
          + " under " + ZokratesFixtures.ALL.get(pick) + ", which proves only " + real.inputs());
    }
  }
}
