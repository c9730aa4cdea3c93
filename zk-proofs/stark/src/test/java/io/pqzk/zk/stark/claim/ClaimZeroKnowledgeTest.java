package io.pqzk.zk.stark.claim;

import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkSecurity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.stark.internal.Codec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Zero-knowledge. Two records A and B, siblings in the same registry (same root), both satisfying
 * the same policy, each proven twice. What is tested:
 *
 * <ol>
 *   <li>the public, deterministic part of every proof (magic, parameters, trace shape, segment
 *       count, FRI layer count, remainder length) is byte-identical for A and B;
 *   <li>no witness value (any attribute, salt word, leaf digest element, sibling digest element)
 *       appears as an 8-byte little-endian word at any offset anywhere in any proof;
 *   <li>the opened trace cells (34 rows x 17 columns per proof, on the LDE coset) look uniform
 *       over the field for both A and B: none falls below 2^40 (a cell leaking a 32-bit attribute
 *       or a bit would), and the mean of their top bits is near 1/2 for both;
 *   <li>two proofs of the SAME record share no opened value, salt, root or OOD value, so the
 *       fields that differ between A and B are the random ones.
 * </ol>
 * This is evidence, not a proof, of zero-knowledge; the argument is in zk-proofs/stark/README.md.
 */
class ClaimZeroKnowledgeTest {
  static final int DEPTH = 4;
  static final int HEADER = 8 + 7 + 1 + 2 + 1;
  final StarkProofSystem stark =
      new StarkProofSystem(DEPTH, StarkOptions.DEFAULT, StarkSecurity.DEFAULT);

  @Test
  void proofsOfTwoRecords_revealOnlyRandomFields() throws ProofException {
    Random r = new Random(11);
    Record a = ClaimFixtures.record(1001, 1990, 2, 75, 20260115, 3, 7, r);
    Record b = ClaimFixtures.record(2002, 2001, 4, 99, 20260301, 1, 7, r);
    StarkRegistryHash h = ClaimFixtures.H;
    List<byte[]> upper = new ArrayList<>();
    byte[] node = h.node(h.leaf(a), h.leaf(b));
    for (int l = 1; l < DEPTH; l++) {
      byte[] sib = ClaimFixtures.place(ClaimFixtures.randomRecord(r), 0, 0, r).root();
      upper.add(sib);
      node = h.node(node, sib);
    }
    List<byte[]> pa = new ArrayList<>(List.of(h.leaf(b)));
    pa.addAll(upper);
    List<byte[]> pb = new ArrayList<>(List.of(h.leaf(a)));
    pb.addAll(upper);
    ClaimWitness wa = new ClaimWitness(a, new MerklePath(0, pa));
    ClaimWitness wb = new ClaimWitness(b, new MerklePath(1, pb));
    ClaimStatement s = new ClaimStatement(node,
        Policy.parse("fitness>=70 && vax_date>=20260101 && issuer==7 && birth_year<=2008"),
        ClaimContext.ofHex("01"));
    byte[] a1 = stark.prove(s, wa);
    byte[] a2 = stark.prove(s, wa);
    byte[] b1 = stark.prove(s, wb);
    for (byte[] p : List.of(a1, a2, b1)) {
      stark.verify(s, p);
    }
    // 1. identical public header
    assertArrayEquals(Arrays.copyOf(a1, HEADER), Arrays.copyOf(b1, HEADER));
    // 2. no witness word anywhere
    Set<Long> secrets = new HashSet<>();
    for (Record rec : List.of(a, b)) {
      for (long v : rec.attributes()) {
        secrets.add(v);
      }
      for (long v : rec.salt()) {
        secrets.add(v);
      }
      for (long v : StarkRegistryHash.leafElements(rec)) {
        secrets.add(v);
      }
    }
    for (byte[] sib : upper) {
      for (long v : StarkRegistryHash.fromBytes(sib)) {
        secrets.add(v);
      }
    }
    for (byte[] p : List.of(a1, a2, b1)) {
      for (int off = HEADER; off + 8 <= p.length; off++) {
        assertFalse(secrets.contains(Codec.getLong(p, off)), "witness word at byte " + off);
      }
    }
    // 3. opened trace cells look uniform for both records
    for (byte[] p : List.of(a1, b1)) {
      long[] cells = openedTraceCells(p);
      assertTrue(cells.length >= 30 * 17);
      double top = 0;
      for (long c : cells) {
        assertTrue(Long.compareUnsigned(c, 1L << 40) >= 0, "small opened cell " + c);
        top += c >>> 63;
      }
      double mean = top / cells.length;
      assertTrue(mean > 0.4 && mean < 0.6, "top-bit mean " + mean);
    }
    // 4. two proofs of the same record share no random field
    assertFalse(Arrays.equals(Arrays.copyOfRange(a1, HEADER, HEADER + 64),
        Arrays.copyOfRange(a2, HEADER, HEADER + 64)));
    Set<Long> w1 = new HashSet<>();
    for (long c : openedTraceCells(a1)) {
      w1.add(c);
    }
    int shared = 0;
    for (long c : openedTraceCells(a2)) {
      shared += w1.contains(c) ? 1 : 0;
    }
    assertEquals(0, shared);
  }

  /** Trace values opened by a proof (layout in StarkVerifier). */
  static long[] openedTraceCells(byte[] p) {
    int w = (p[16] & 0xFF) | ((p[17] & 0xFF) << 8);
    int seg = p[HEADER - 1] & 0xFF;
    int off = HEADER + 64 + 24 * (2 * w + seg);
    int layers = p[off] & 0xFF;
    off += 1 + 32 * layers;
    int rem = (p[off] & 0xFF) | ((p[off + 1] & 0xFF) << 8);
    off += 2 + 24 * rem + 8;
    int u = (p[off] & 0xFF) | ((p[off + 1] & 0xFF) << 8);
    off += 2;
    long[] cells = new long[u * w];
    for (int q = 0; q < u; q++) {
      for (int c = 0; c < w; c++) {
        cells[q * w + c] = Codec.getLong(p, off + 8 * c);
      }
      off += 8 * w + 32; // the batched Merkle path follows all rows
    }
    return cells;
  }
}
