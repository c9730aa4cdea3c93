package io.pqzk.zk.stark.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.stark.claim.StarkProofSystem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * STARK claim proofs through the public entry every verifier uses, {@link
 * StarkProofSystem#verify} (default depth 20, default options and floor), so the target outlives
 * changes of the proof format. Input: one byte choosing the statement, then the proof. Statements
 * 0 (an eligibility policy) and 1 (a disclosure) are the ones the seed proofs prove; 2 is
 * statement 0 under another registry root, 3 under another policy, 4 with another context. Only
 * 0 and 1 may verify (a different proof of the same statement is allowed); every refusal is a
 * {@link ProofException}.
 */
class StarkProofFuzzTest {
  static final StarkProofSystem STARK = new StarkProofSystem();
  static final String ELIGIBILITY = "fitness>=60 && vax_date>=20250101";
  static final String DISCLOSURE = "birth_year==1991 && blood_group==2";
  static final byte[] CONTEXT = "pqzk/fuzz/stark|nonce-0001".getBytes(StandardCharsets.US_ASCII);

  /** Four records with fixed salts; the fixture registry holds the first three. */
  static List<Record> records() {
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      out.add(Record.of(new long[] {100 + i, 1990 + i, 2, 55 + 5 * i, 20250301, 2, 1},
          new long[] {1000 + i, 2000 + i}));
    }
    return out;
  }

  static SparseMerkleTree tree(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (Record r : records().subList(0, n)) {
      leaves.add(STARK.registryHash().leaf(r));
    }
    return SparseMerkleTree.build(STARK.registryHash(), leaves);
  }

  static List<ClaimStatement> statements() {
    byte[] root = tree(3).root();
    ClaimContext ctx = ClaimContext.of(CONTEXT);
    return List.of(
        new ClaimStatement(root, Policy.parse(ELIGIBILITY), ctx),
        new ClaimStatement(root, Policy.parse(DISCLOSURE), ctx),
        new ClaimStatement(tree(4).root(), Policy.parse(ELIGIBILITY), ctx),
        new ClaimStatement(root, Policy.parse("fitness>=61 && vax_date>=20250101"), ctx),
        new ClaimStatement(root, Policy.parse(ELIGIBILITY),
            ClaimContext.of("pqzk/fuzz/stark|nonce-0002".getBytes(StandardCharsets.US_ASCII))));
  }

  private static List<ClaimStatement> statements;

  private static synchronized List<ClaimStatement> cached() {
    if (statements == null) {
      statements = statements();
    }
    return statements;
  }

  @FuzzTest
  @Timeout(20)
  void verify(byte[] input) {
    if (input.length < 1) {
      return;
    }
    List<ClaimStatement> all = cached();
    int pick = Byte.toUnsignedInt(input[0]) % all.size();
    try {
      STARK.verify(all.get(pick), Arrays.copyOfRange(input, 1, input.length));
    } catch (ProofException refused) {
      if (refused.getMessage() == null || refused.getMessage().isBlank()) {
        throw new AssertionError("refusal without a message", refused);
      }
      return;
    }
    if (pick >= 2) {
      throw new AssertionError("a STARK proof verified for statement " + pick
          + ", which nobody proved");
    }
  }

  /**
   * The seed proofs still verify (claims v2 changed the proof format, and the seeds made before
   * it were refused at the first shape check: the campaign then fuzzed the header only, 174
   * edges in 4 million runs). After a format change, rewrite them with {@code StarkSeeds}.
   */
  @Test
  void seeds_stillVerify() throws Exception {
    for (String seed : new String[] {"eligibility", "disclosure"}) {
      byte[] input;
      try (java.io.InputStream in = StarkProofFuzzTest.class.getResourceAsStream(
          "StarkProofFuzzTestInputs/verify/" + seed)) {
        input = in.readAllBytes();
      }
      int pick = Byte.toUnsignedInt(input[0]) % cached().size();
      STARK.verify(cached().get(pick), Arrays.copyOfRange(input, 1, input.length));
    }
  }
}
