package io.pqzk.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.claims.Record;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProofSystemsTest {

  @Test
  void stark_isTheDefaultAndPostQuantum() throws Exception {
    ProofSystem ps = ProofSystems.get(ProofSystems.DEFAULT);
    assertEquals("stark", ps.id());
    assertTrue(ps.postQuantum());
    assertTrue(ProofSystems.postQuantum("stark"));
    assertFalse(ProofSystems.postQuantum("zokrates-groth16"));
  }

  @Test
  void registryHash_isTheProofSystemsOwn() throws Exception {
    Record r = Record.of(new long[] {1, 1990, 2, 80, 20260101, 3, 7}, new long[] {11, 12});
    assertTrue(Arrays.equals(ProofSystems.get("stark").registryHash().leaf(r),
        ProofSystems.registryHash("stark").leaf(r)));
  }

  @Test
  void groth16_isAvailableAndNotPostQuantum() throws Exception {
    ProofSystem ps = ProofSystems.get("zokrates-groth16");
    assertEquals("zokrates-groth16", ps.id());
    assertFalse(ps.postQuantum());
    Record r = Record.of(new long[] {1, 1990, 2, 80, 20260101, 3, 7}, new long[] {11, 12});
    assertTrue(Arrays.equals(ps.registryHash().leaf(r),
        ProofSystems.registryHash("zokrates-groth16").leaf(r)));
  }

  @Test
  void unknownId_isNamed() {
    UnavailableProofSystemException e = assertThrows(UnavailableProofSystemException.class,
        () -> ProofSystems.get("STARK"));
    assertTrue(e.getMessage().contains("unknown proof system 'STARK'"), e.getMessage());
  }
}
