package io.pqzk.zk.stark.claim;

import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.stark.field.Goldilocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A record placed in a registry with random sibling digests (a valid path and its root). */
final class ClaimFixtures {
  private ClaimFixtures() {}

  static final StarkRegistryHash H = new StarkRegistryHash();

  record Fixture(Record record, MerklePath path, byte[] root) {
    ClaimWitness witness() {
      return new ClaimWitness(record, path);
    }

    ClaimStatement statement(String policy, String contextHex) {
      return new ClaimStatement(root, Policy.parse(policy), ClaimContext.ofHex(contextHex));
    }
  }

  static Record record(long subject, long birthYear, long blood, long fitness, long vax,
      long clearance, long issuer, Random r) {
    return Record.of(new long[] {subject, birthYear, blood, fitness, vax, clearance, issuer},
        new long[] {r.nextLong() >>> 1, r.nextLong() >>> 1});
  }

  static Record randomRecord(Random r) {
    long[] a = new long[Attribute.values().length];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextLong() & 0xFFFF_FFFFL;
    }
    return Record.of(a, new long[] {r.nextLong() >>> 1, r.nextLong() >>> 1});
  }

  static Fixture place(Record rec, int depth, long index, Random r) {
    List<byte[]> sibs = new ArrayList<>();
    byte[] node = H.leaf(rec);
    for (int l = 0; l < depth; l++) {
      long[] s = new long[4];
      for (int i = 0; i < 4; i++) {
        s[i] = Goldilocks.reduce(r.nextLong());
      }
      byte[] sib = StarkRegistryHash.toBytes(s);
      sibs.add(sib);
      node = ((index >>> l) & 1) == 0 ? H.node(node, sib) : H.node(sib, node);
    }
    return new Fixture(rec, new MerklePath(index, sibs), node);
  }

  /** Same siblings and index, another record: a second leaf under... a different root. */
  static Fixture withSiblings(Record rec, MerklePath path) {
    byte[] node = H.leaf(rec);
    for (int l = 0; l < path.depth(); l++) {
      byte[] sib = path.sibling(l);
      node = ((path.index() >>> l) & 1) == 0 ? H.node(node, sib) : H.node(sib, node);
    }
    return new Fixture(rec, path, node);
  }
}
