package io.pqzk.zk.stark.claim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.UnavailableProofSystemException;
import io.pqzk.zk.claims.Record;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The STARK is found through the service loader, is the default, and runs without Groth16. */
class StarkProviderTest {

  @Test
  void stark_isTheDefault_postQuantum_transparent() throws Exception {
    assertEquals(List.of(StarkProofSystem.ID), ProofSystems.ids(),
        "only the systems on the class path are found: the Groth16 module is not here");
    ProofSystem ps = ProofSystems.get(ProofSystems.DEFAULT);
    assertEquals("stark", ps.id());
    assertTrue(ps.postQuantum());
    assertTrue(ProofSystems.postQuantum(StarkProofSystem.ID));
    assertFalse(ProofSystems.hasTrustedSetup(StarkProofSystem.ID));
    Record r = Record.of(new long[] {1, 1990, 2, 80, 20260101, 3, 7}, new long[] {11, 12});
    assertArrayEquals(ps.registryHash().leaf(r), ProofSystems.registryHash("stark").leaf(r));
  }

  @Test
  void stark_takesNoVerificationKey() {
    UnavailableProofSystemException e = assertThrows(UnavailableProofSystemException.class,
        () -> ProofSystems.withVerificationKey(StarkProofSystem.ID, "{}"));
    assertTrue(e.getMessage().contains("no trusted setup"), e.getMessage());
  }

  /** What a genesis pins: the default set's name, and a system accepting exactly named sets. */
  @Test
  void parameterSets_pinnedByName() throws Exception {
    assertEquals(List.of("b32-q34-g16-f8-r255-sha256"),
        ProofSystems.defaultParameterSets(StarkProofSystem.ID));
    StarkProofSystem two = (StarkProofSystem) ProofSystems.withParameterSets(StarkProofSystem.ID,
        List.of("b32-q34-g16-f8-r255-sha256", "b16-q43-g16-f8-r31-sha3"));
    assertEquals(2, two.acceptance().accepted().size());
    assertEquals(io.pqzk.zk.stark.StarkOptions.DEFAULT, two.options());
    for (String bad : List.of("b32-q34", "b16-q20-g16-f8-r31-sha256", "b32-q34-g16-f8-r0-sha256")) {
      io.pqzk.zk.UnsupportedParametersException e = assertThrows(
          io.pqzk.zk.UnsupportedParametersException.class,
          () -> ProofSystems.withParameterSets(StarkProofSystem.ID, List.of(bad)));
      assertTrue(e.getMessage().contains(bad.substring(0, 6)), e.getMessage());
    }
    assertThrows(io.pqzk.zk.UnsupportedParametersException.class,
        () -> ProofSystems.withParameterSets(StarkProofSystem.ID, List.of()));
  }

  @Test
  void unknownId_isNamed() {
    UnavailableProofSystemException e = assertThrows(UnavailableProofSystemException.class,
        () -> ProofSystems.get("STARK"));
    assertTrue(e.getMessage().contains("unknown proof system 'STARK'"), e.getMessage());
  }
}
