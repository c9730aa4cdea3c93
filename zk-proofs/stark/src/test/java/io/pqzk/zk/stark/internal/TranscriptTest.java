package io.pqzk.zk.stark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TranscriptTest {
  /** A challenge drawn after a message must depend on it, even mid-way through an output block. */
  @Test
  void drawAfterAbsorb_dependsOnMessage_evenWithPartlyUsedOutput() {
    Transcript a = new Transcript("t");
    Transcript b = new Transcript("t");
    a.drawBase();
    b.drawBase();
    a.absorb("m", new byte[] {1});
    b.absorb("m", new byte[] {2});
    assertNotEquals(a.drawBase(), b.drawBase());
  }

  @Test
  void labelsAndLengths_areBound() {
    Transcript a = new Transcript("t");
    Transcript b = new Transcript("t");
    a.absorb("ab", new byte[] {1});
    b.absorb("a", new byte[] {'b', 1});
    assertNotEquals(a.drawBase(), b.drawBase());
    Transcript c = new Transcript("t");
    Transcript d = new Transcript("u");
    assertNotEquals(c.drawBase(), d.drawBase());
  }

  @Test
  void sameMessages_sameChallenges() {
    Transcript a = new Transcript("t");
    Transcript b = new Transcript("t");
    a.absorb("x", new byte[] {9, 9});
    b.absorb("x", new byte[] {9, 9});
    assertEquals(a.drawExt(), b.drawExt());
    assertEquals(a.drawIndex(12), b.drawIndex(12));
  }

  @Test
  void powOk_acceptsFoundNonce_rejectsOther() {
    byte[] seed = new byte[32];
    long nonce = 0;
    while (!Transcript.powOk(seed, nonce, 8)) {
      nonce++;
    }
    assertEquals(true, Transcript.powOk(seed, nonce, 8));
    int ok = 0;
    for (long n = nonce + 1; n < nonce + 1000; n++) {
      ok += Transcript.powOk(seed, n, 16) ? 1 : 0;
    }
    assertEquals(true, ok < 5);
  }
}
