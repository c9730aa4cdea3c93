package io.pqzk.zk.groth16claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.UnavailableProofSystemException;
import io.pqzk.zk.claims.Record;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groth16 is found through the service loader; on this module's class path it is alone. */
class Groth16ProviderTest {

  @Test
  void groth16_isFound_notPostQuantum_withTrustedSetup() throws Exception {
    assertEquals(List.of(ZokratesGroth16ProofSystem.ID), ProofSystems.ids(),
        "only the systems on the class path are found: the STARK module is not here");
    ProofSystem ps = ProofSystems.get(ZokratesGroth16ProofSystem.ID);
    assertEquals("zokrates-groth16", ps.id());
    assertFalse(ps.postQuantum());
    assertFalse(ProofSystems.postQuantum(ZokratesGroth16ProofSystem.ID));
    assertTrue(ProofSystems.hasTrustedSetup(ZokratesGroth16ProofSystem.ID));
    Record r = Record.of(new long[] {1, 1990, 2, 80, 20260101, 3, 7}, new long[] {11, 12});
    assertTrue(Arrays.equals(ps.registryHash().leaf(r),
        ProofSystems.registryHash(ZokratesGroth16ProofSystem.ID).leaf(r)));
  }

  @Test
  void absentSystem_isNamedWithWhatIsAvailable() {
    UnavailableProofSystemException e = assertThrows(UnavailableProofSystemException.class,
        () -> ProofSystems.get("stark"));
    assertTrue(e.getMessage().contains("unknown proof system 'stark'"), e.getMessage());
    assertTrue(e.getMessage().contains("[zokrates-groth16]"), e.getMessage());
    assertFalse(ProofSystems.postQuantum("stark"), "an absent system is never called post-quantum");
  }
}
