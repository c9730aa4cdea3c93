package io.pqzk.bench.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pqzk.sig.SignatureAlgorithm;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmarked operations do real work: every (api, provider, set) that the benchmarks run
 * makes signatures of the parameter set's length that verify ({@code prepare} signs and verifies
 * and throws otherwise) and are hedged, so a benchmark never times a failing or empty operation.
 */
class SigOpsTest {
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "pqzk, BC, ML-DSA-44", "raw, BC, ML-DSA-44",
    "pqzk, BC, SLH-DSA-SHAKE-128f", "raw, BC, SLH-DSA-SHAKE-128f"
  })
  void operations_signVerifyAndRejectTampering(String api, String provider, String alg)
      throws Exception {
    SigOps ops = SigOps.create(api, provider, alg);
    ops.prepare(SigOps.message());
    assertNotNull(ops.keygen());
    byte[] sig = ops.sign();
    assertEquals(SignatureAlgorithm.fromName(alg).signatureLength(), sig.length);
    ops.verify();
    // hedged signing: two signatures of the same message differ
    assertFalse(Arrays.equals(sig, ops.sign()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"fast, BC", "raw, RSA"})
  void create_unknownApiOrProvider_throws(String api, String provider) {
    assertThrows(IllegalArgumentException.class, () -> SigOps.create(api, provider, "ML-DSA-44"));
  }
}
