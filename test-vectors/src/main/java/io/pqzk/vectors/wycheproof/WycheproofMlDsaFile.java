package io.pqzk.vectors.wycheproof;

import java.util.List;
import java.util.Map;

/**
 * A Wycheproof ML-DSA file: exactly one of {@code signGroups} / {@code verifyGroups} is non-empty,
 * as {@code schema} says ({@code mldsa_sign_seed_schema.json}, {@code mldsa_sign_noseed_schema.json}
 * or {@code mldsa_verify_schema.json}).
 *
 * @param algorithm the parameter set, e.g. {@code ML-DSA-65}
 * @param notes flag name to its description
 */
public record WycheproofMlDsaFile(
    String algorithm,
    String schema,
    int numberOfTests,
    Map<String, String> notes,
    List<MlDsaSignGroup> signGroups,
    List<MlDsaVerifyGroup> verifyGroups)
    implements io.pqzk.vectors.VectorSet {
  public WycheproofMlDsaFile {
    notes = Map.copyOf(notes);
    signGroups = List.copyOf(signGroups);
    verifyGroups = List.copyOf(verifyGroups);
  }

  /** True for the sign schemas. */
  public boolean isSign() {
    return schema.startsWith("mldsa_sign");
  }

  @Override
  public String describe() {
    return "Wycheproof " + algorithm + " " + schema;
  }

  @Override
  public int size() {
    return testCount();
  }

  /** The number of tests actually present (compare with {@link #numberOfTests()}). */
  public int testCount() {
    int n = 0;
    for (MlDsaSignGroup g : signGroups) {
      n += g.tests().size();
    }
    for (MlDsaVerifyGroup g : verifyGroups) {
      n += g.tests().size();
    }
    return n;
  }
}
