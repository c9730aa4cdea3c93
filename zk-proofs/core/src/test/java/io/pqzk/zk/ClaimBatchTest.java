package io.pqzk.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.registry.Sha256RegistryHash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Batch verification: every item verified, results in order, the lowest failure reported. */
class ClaimBatchTest {
  /** Accepts proof {1}, rejects {2}, calls {3} malformed, crashes on {4}. */
  static final class Scripted implements ProofSystem {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String id() {
      return "scripted";
    }

    @Override
    public boolean postQuantum() {
      return true;
    }

    @Override
    public RegistryHash registryHash() {
      return new Sha256RegistryHash();
    }

    @Override
    public byte[] prove(ClaimStatement statement, ClaimWitness witness) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Verification verify(ClaimStatement statement, byte[] proof) throws ProofException {
      calls.incrementAndGet();
      switch (proof[0]) {
        case 1:
          return new Verification("scripted", 128, 100, statement.context().toString());
        case 2:
          throw new ProofRejectedException("rejected " + statement.context());
        case 3:
          throw new MalformedProofException("malformed " + statement.context());
        default:
          throw new IllegalStateException("crash");
      }
    }
  }

  static List<ClaimBatch.Item> items(int... kinds) {
    List<ClaimBatch.Item> out = new ArrayList<>();
    for (int i = 0; i < kinds.length; i++) {
      out.add(new ClaimBatch.Item(new ClaimStatement(new byte[32], Policy.parse("fitness>=1"),
          ClaimContext.of(new byte[] {(byte) i})), new byte[] {(byte) kinds[i]}));
    }
    return out;
  }

  @Test
  void verify_allGood_resultsInOrder() throws ProofException {
    Scripted s = new Scripted();
    List<ProofSystem.Verification> v = ClaimBatch.verify(s, items(1, 1, 1, 1, 1, 1, 1, 1));
    assertEquals(8, v.size());
    for (int i = 0; i < 8; i++) {
      assertEquals(String.format("%02x", i), v.get(i).detail());
    }
  }

  @Test
  void verify_failures_lowestIndexReported_everyItemVerified() {
    Scripted s = new Scripted();
    BatchVerificationException e = assertThrows(BatchVerificationException.class,
        () -> ClaimBatch.verify(s, items(1, 1, 3, 1, 2, 4, 1), new ForkJoinPool(2)));
    assertEquals(2, e.index());
    assertEquals(3, e.failures());
    assertTrue(e.malformed());
    assertTrue(e.getMessage().startsWith("claim 2 of 7 does not verify (and 2 more)"),
        e.getMessage());
    assertEquals(7, s.calls.get());
    BatchVerificationException c = assertThrows(BatchVerificationException.class,
        () -> ClaimBatch.verify(s, items(1, 4)));
    assertTrue(c.getCause() instanceof ProofRejectedException, c.getCause().toString());
  }

  @Test
  void verify_empty_isEmpty() throws ProofException {
    assertEquals(0, ClaimBatch.verify(new Scripted(), List.of()).size());
  }
}
