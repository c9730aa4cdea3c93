package io.pqzk.bench.zk;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The claim every zk benchmark proves: a record at leaf 654321 of a depth-20 registry (random
 * siblings), the 4-predicate eligibility policy, one context.
 */
record BenchClaim(ClaimStatement statement, ClaimWitness witness) {
  static final Policy POLICY =
      Policy.parse("fitness>=70 && vax_date>=20260101 && birth_year<=2008 && clearance>=2");

  static BenchClaim of(RegistryHash h) {
    SecureRandom r = new SecureRandom();
    Record rec = Record.withRandomSalt(new long[] {1001, 1990, 2, 75, 20260115, 3, 7}, r);
    long index = 654_321;
    List<byte[]> sibs = new ArrayList<>();
    byte[] node = h.leaf(rec);
    for (int l = 0; l < 20; l++) {
      byte[] sib = h.leaf(Record.withRandomSalt(new long[] {l, 0, 0, 0, 0, 0, 0}, r));
      sibs.add(sib);
      node = ((index >>> l) & 1) == 0 ? h.node(node, sib) : h.node(sib, node);
    }
    return new BenchClaim(new ClaimStatement(node, POLICY,
        ClaimContext.ofHex("0001000000000000002a")), new ClaimWitness(rec,
        new MerklePath(index, sibs)));
  }

  /** The same claim under another context (another proof of the same statement shape). */
  ClaimStatement withContext(int i) {
    return new ClaimStatement(statement.root(), POLICY,
        ClaimContext.ofHex(String.format("00010000000000000100%04x", i)));
  }
}
