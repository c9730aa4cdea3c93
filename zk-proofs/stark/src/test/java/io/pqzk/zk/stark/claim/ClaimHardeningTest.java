package io.pqzk.zk.stark.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.RecordSchema;
import io.pqzk.zk.stark.StarkAcceptance;
import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkProver;
import io.pqzk.zk.stark.StarkSecurity;
import io.pqzk.zk.stark.StarkVerifier;
import io.pqzk.zk.stark.UnacceptedOptionsException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The audit's findings on the claim STARK, each reproduced with its fix: (1) only configured
 * option sets are accepted, and proofs are size-capped from the largest accepted set before
 * parsing; (3) the zero-knowledge budget counts 2q + 6 revealed points, computed per AIR; (4) the
 * statement encoding is one-to-one; (5) a verification reports its classical bits apart from
 * the post-quantum estimate. (2), the remainder floor, is in {@code EngineHardeningTest}; the
 * ledger's side of (1), the genesis pinning the sets, in ledger-core's
 * {@code ClaimGenesisPinningTest}; the wording of (5) in {@code pqzk claim security}, in the
 * CLI's {@code ClaimSecurityCommandTest}.
 */
class ClaimHardeningTest {
  final Random r = new Random(20);

  ClaimFixtures.Fixture fixture(int depth) {
    return ClaimFixtures.place(ClaimFixtures.record(1001, 1990, 2, 75, 20260115, 3, 7, r),
        depth, 5, r);
  }

  /**
   * (1) The audit's proof: 255 queries, blowup 64, folding 4, a valid depth-20 claim proof of
   * about 400 KB above every floor. The default system refuses it before parsing it: it is far
   * longer than its accepted set allows (malformed); a valid proof of an unconfigured set that
   * does fit the cap (35 queries instead of 34) is refused as unaccepted, naming both sets. A system
   * configured with the heavy set accepts it.
   */
  @Test
  void verify_auditsHeavyOptionSet_refusedUnlessConfigured() throws ProofException {
    ClaimFixtures.Fixture f = fixture(20);
    ClaimStatement s = f.statement("fitness>=70 && vax_date>=20260101", "0a");
    StarkOptions heavy = new StarkOptions(64, 255, 16, 4, 15);
    StarkProofSystem configured =
        new StarkProofSystem(20, StarkAcceptance.of(StarkSecurity.DEFAULT, heavy));
    byte[] proof = configured.prove(s, f.witness());
    assertTrue(proof.length > 300_000, proof.length + " bytes");
    configured.verify(s, proof);
    StarkProofSystem standard = new StarkProofSystem();
    MalformedProofException big = assertThrows(MalformedProofException.class,
        () -> standard.verify(s, proof));
    assertTrue(big.getMessage().contains("longer than"), big.getMessage());
    StarkOptions other = StarkOptions.DEFAULT.withQueries(35);
    byte[] small = new StarkProofSystem(20, other, StarkSecurity.DEFAULT).prove(s, f.witness());
    UnacceptedOptionsException e = assertThrows(UnacceptedOptionsException.class,
        () -> standard.verify(s, small));
    assertEquals(other, e.options());
    assertEquals(List.of(StarkOptions.DEFAULT), e.accepted());
  }

  /** (1) A system accepts several pinned sets and refuses a set below the floor when built. */
  @Test
  void acceptance_severalSets_eachVerifies_belowFloorRefusedWhenBuilt() throws ProofException {
    ClaimFixtures.Fixture f = fixture(4);
    ClaimStatement s = f.statement("fitness>=70", "0b");
    StarkOptions other = new StarkOptions(16, 43, 16, 8, 31);
    StarkProofSystem both = new StarkProofSystem(4,
        StarkAcceptance.of(StarkSecurity.DEFAULT, StarkOptions.DEFAULT, other));
    byte[] p1 = new StarkProofSystem(4, StarkOptions.DEFAULT, StarkSecurity.DEFAULT)
        .prove(s, f.witness());
    byte[] p2 = new StarkProofSystem(4, other, StarkSecurity.DEFAULT).prove(s, f.witness());
    both.verify(s, p1);
    both.verify(s, p2);
    assertThrows(IllegalArgumentException.class, () -> new StarkProofSystem(4,
        StarkAcceptance.of(StarkSecurity.DEFAULT, new StarkOptions(16, 30, 16, 8, 31))));
  }

  /**
   * (3) The audit's case: at depth 18 a 256-row trace leaves 96 random rows, which the old count
   * (2q + 2) let 46 and 47 queries use; T(z) and T(g z) lie in the cubic extension, so those
   * proofs reveal 98 and 100 base-field values per column. The prover refuses them and accepts
   * 45 (96 values); the proof system sizes the trace from the option set, so its 46-query AIR has
   * 512 rows.
   */
  @Test
  void prove_queriesAboveTheRandomRows_refused_atDepth18() throws ProofException {
    ClaimFixtures.Fixture f = fixture(18);
    ClaimStatement s = f.statement("fitness>=70", "0c");
    ClaimAir air = new ClaimAir(18, RecordSchema.V1, StarkRegistryHash.fromBytes(s.root()),
        s.policy(), s.context(), Optional.empty(), 96);
    assertEquals(256, air.traceLength());
    assertEquals(96, air.zeroKnowledgeRows());
    long[][] t = ClaimTrace.build(air, f.record(), f.path(), new SecureRandom());
    for (int q : new int[] {46, 47}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> StarkProver.prove(air, t, new StarkOptions(16, q, 0, 8, 31),
              new SecureRandom()));
      assertTrue(e.getMessage().contains("reveal " + (2 * q + 6) + " points")
          && e.getMessage().contains("96 random rows"), e.getMessage());
    }
    StarkOptions ok = new StarkOptions(16, 45, 0, 8, 31);
    byte[] proof = StarkProver.prove(air, t, ok, new SecureRandom());
    StarkVerifier.verify(air, proof, StarkAcceptance.of(new StarkSecurity(0, 0), ok));
    StarkOptions q46 = new StarkOptions(16, 46, 16, 8, 31);
    assertEquals(512, ClaimAir.of(18, s, q46).traceLength());
    StarkProofSystem sys = new StarkProofSystem(18, q46, StarkSecurity.DEFAULT);
    sys.verify(s, sys.prove(s, f.witness()));
  }

  /**
   * (4) The audit's case: {@code fitness>=70} and {@code fitness>=70 && subject_id>=0} (the old
   * padding of unused slots) no longer share a proof, in either direction.
   */
  @Test
  void verify_paddedPolicy_doesNotShareAProof() throws ProofException {
    ClaimFixtures.Fixture f = fixture(4);
    StarkProofSystem sys = new StarkProofSystem(4, StarkOptions.DEFAULT, StarkSecurity.DEFAULT);
    ClaimStatement one = f.statement("fitness>=70", "0d");
    ClaimStatement padded = f.statement("fitness>=70 && subject_id>=0", "0d");
    byte[] p1 = sys.prove(one, f.witness());
    byte[] p2 = sys.prove(padded, f.witness());
    sys.verify(one, p1);
    sys.verify(padded, p2);
    assertThrows(ProofRejectedException.class, () -> sys.verify(padded, p1));
    assertThrows(ProofRejectedException.class, () -> sys.verify(one, p2));
  }

  /** (4) Statements that differ in any one part have different AIR identities (one-to-one). */
  @Test
  void identity_distinctStatements_distinctIdentities() {
    byte[] root = fixture(4).root();
    byte[] root2 = fixture(4).root();
    ClaimContext c = ClaimContext.ofHex("01");
    DocumentDigest d1 = DocumentDigest.ofDocument(new byte[] {1});
    DocumentDigest d2 = DocumentDigest.ofDocument(new byte[] {2});
    List<ClaimStatement> all = new ArrayList<>();
    for (String p : new String[] {"fitness>=70", "fitness>=70 && subject_id>=0",
        "subject_id>=0 && fitness>=70", "fitness>=71", "fitness<=70", "fitness==70",
        "clearance>=70", "fitness>=70 && fitness>=70"}) {
      all.add(new ClaimStatement(root, Policy.parse(p), c));
      all.add(new ClaimStatement(root, Policy.parse(p), c, RecordSchema.V2));
      all.add(ClaimStatement.integrity(root, Policy.parse(p), c, d1));
    }
    all.add(new ClaimStatement(root2, Policy.parse("fitness>=70"), c));
    all.add(new ClaimStatement(root, Policy.parse("fitness>=70"), ClaimContext.ofHex("0100")));
    all.add(ClaimStatement.integrity(root, Policy.none(), c, d1));
    all.add(ClaimStatement.integrity(root, Policy.none(), c, d2));
    List<String> ids = new ArrayList<>();
    for (ClaimStatement s : all) {
      ids.add(HexFormat.of().formatHex(ClaimAir.of(4, s, StarkOptions.DEFAULT).identity()));
    }
    assertEquals(ids.size(), ids.stream().distinct().count(), "identities collide");
    assertFalse(Arrays.equals(ClaimAir.of(4, all.get(0), StarkOptions.DEFAULT).identity(),
        ClaimAir.of(5, all.get(0), StarkOptions.DEFAULT).identity()));
  }

  /**
   * (5) The audit's case: "101 bits proven" is a classical random-oracle bound. A verification
   * says so and carries the post-quantum estimate beside it, lower and on its stated basis:
   * proven bits halved (quantum query soundness), the query term halved with the grinding
   * (Grover), both capped at 85 bits (quantum collision search on SHA-256's 256-bit digests).
   */
  @Test
  void verify_reportsClassicalBitsApartFromThePostQuantumEstimate() throws ProofException {
    ClaimFixtures.Fixture f = fixture(20);
    StarkProofSystem sys = new StarkProofSystem();
    ClaimStatement s = f.statement("fitness>=70", "0f");
    io.pqzk.zk.ProofSystem.Verification v = sys.verify(s, sys.prove(s, f.witness()));
    assertTrue(v.provenBits() >= 100 && v.conjecturedBits() >= 128, v.toString());
    assertEquals(Math.min((int) v.provenBits() / 2, 85), (int) v.postQuantumProvenBits());
    // 34 queries at blowup 32 and 16 grinding bits: (min(192, 5 * 34 + 16) - 1) / 2 = 92 -> 85
    assertEquals(85, (int) v.postQuantumConjecturedBits());
    assertTrue(v.postQuantumProvenBits() < v.provenBits()
        && v.postQuantumConjecturedBits() < v.conjecturedBits(), v.toString());
    assertTrue(v.detail().contains("classical bits; post-quantum estimate 85 conjectured / "
        + (int) v.postQuantumProvenBits() + " proven"), v.detail());
    assertTrue(io.pqzk.zk.stark.security.PostQuantumEstimate.BASIS.contains("Grover")
        && io.pqzk.zk.stark.security.PostQuantumEstimate.BASIS.contains("collision search"));
  }

  /**
   * (1) A proof longer than the largest accepted set allows for the statement is malformed
   * before any parsing (here padded by one byte past the cap); honest proofs are below it.
   */
  @Test
  void verify_aboveTheSizeCap_malformed() throws ProofException {
    ClaimFixtures.Fixture f = fixture(4);
    StarkProofSystem sys = new StarkProofSystem(4, StarkOptions.DEFAULT, StarkSecurity.DEFAULT);
    ClaimStatement s = f.statement("fitness>=70 && issuer==7", "0e");
    byte[] proof = sys.prove(s, f.witness());
    long cap = sys.maxProofBytes(s);
    assertTrue(proof.length <= cap && cap < 64_000, proof.length + " / " + cap);
    MalformedProofException e = assertThrows(MalformedProofException.class,
        () -> sys.verify(s, Arrays.copyOf(proof, (int) cap + 1)));
    assertTrue(e.getMessage().contains("longer than " + cap), e.getMessage());
    assertThrows(MalformedProofException.class, () -> sys.verify(s, new byte[1 << 21]));
  }
}
