package io.pqzk.ledger;

import static io.pqzk.ledger.RuleChain.HOUR;
import static io.pqzk.ledger.RuleChain.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.ledger.proto.AccessPolicyUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Grants and access events, each attack the audit used reproduced and refused: a grant of a
 * record another authority registered, a grant without purpose or already expired, an event
 * whose purpose is not its grant's, and read times before the grant, after the block or long
 * after the grant's expiry.
 */
class AccessRulesTest {
  RuleChain chain;
  byte[] owned;
  byte[] foreign;
  byte[] gid;
  static final long GRANTED = T0 + 2000;

  /** Block 0: the owner registers one record, the other authority another. Block 1: a grant. */
  @BeforeEach
  void chain() throws Exception {
    chain = new RuleChain();
    owned = chain.commitment();
    foreign = chain.commitment();
    chain.block(T0 + 1000, chain.register(chain.owner, owned),
        chain.register(chain.other, foreign));
    gid = chain.id();
    chain.block(GRANTED, chain.grant(chain.owner, gid, "treatment", GRANTED + HOUR, owned));
  }

  @Test
  void registration_recordsItsAuthorAsOwner() {
    assertArrayEquals(chain.owner.publicKey().keyId(),
        RecordRegistrationRule.owner(chain.state(), owned));
    assertArrayEquals(chain.other.publicKey().keyId(),
        RecordRegistrationRule.owner(chain.state(), foreign));
    assertEquals(GRANTED, AccessPolicyRule.grant(chain.state(), gid).getWrittenMillis());
  }

  @Test
  void grant_ofRecordAnotherAuthorityRegistered_refused() {
    String e = chain.refused(T0 + 3000, chain.grant(chain.owner, chain.id(), "treatment",
        T0 + HOUR, owned, foreign));
    assertTrue(e.contains("is not the owner of record")
        && e.contains("holds no delegation"), e);
  }

  @Test
  void grant_withoutPurpose_refused() {
    String e = chain.refused(T0 + 3000, chain.grant(chain.owner, chain.id(), "", T0 + HOUR,
        owned));
    assertTrue(e.contains("grant purpose must be 1 to 64 printable ASCII characters"), e);
  }

  @Test
  void grant_alreadyExpiredOrExpiringInItsBlock_refused() {
    for (long notAfter : new long[] {T0 + 2999, T0 + 3000, 0}) {
      String e = chain.refused(T0 + 3000, chain.grant(chain.owner, chain.id(), "treatment",
          notAfter, owned));
      assertTrue(e.contains("grant expiry " + notAfter + " is not after the block time "
          + (T0 + 3000)), e);
    }
  }

  @Test
  void grant_ofUnregisteredRecord_refused() {
    String e = chain.refused(T0 + 3000, chain.grant(chain.owner, chain.id(), "treatment",
        T0 + HOUR, chain.commitment()));
    assertTrue(e.contains("is not registered"), e);
  }

  @Test
  void grant_updatedByAnotherAuthority_refused() {
    String e = chain.refused(T0 + 3000, chain.grant(chain.other, gid, "treatment", T0 + HOUR,
        foreign));
    assertTrue(e.contains("belongs to another authority"), e);
  }

  @Test
  void event_withinTheGrant_accepted() throws Exception {
    chain.block(T0 + 5000, chain.read(chain.clinic, gid, owned, "treatment", GRANTED),
        chain.read(chain.clinic, gid, owned, "treatment", T0 + 4000),
        chain.read(chain.clinic, gid, owned, "treatment", T0 + 5000));
    assertEquals(2, chain.state().height());
  }

  @Test
  void event_withAnotherPurposeThanItsGrant_refused() {
    String e = chain.refused(T0 + 5000, chain.read(chain.clinic, gid, owned, "research",
        T0 + 4000));
    assertTrue(e.contains("access event purpose \"research\" is not the purpose of grant")
        && e.contains("(\"treatment\")"), e);
    e = chain.refused(T0 + 5000, chain.read(chain.clinic, gid, owned, "", T0 + 4000));
    assertTrue(e.contains("access event purpose must be 1 to 64"), e);
  }

  @Test
  void event_readBeforeTheGrantWasWritten_refused() {
    for (long read : new long[] {1, T0, GRANTED - 1}) {
      String e = chain.refused(T0 + 5000, chain.read(chain.clinic, gid, owned, "treatment",
          read));
      assertTrue(e.contains("read time " + read + " lies outside the validity of grant")
          && e.contains("(" + GRANTED + " to " + (GRANTED + HOUR) + ")"), e);
    }
  }

  @Test
  void event_readAfterTheBlockOrTheExpiry_refused() {
    String e = chain.refused(T0 + 5000, chain.read(chain.clinic, gid, owned, "treatment",
        T0 + 5001));
    assertTrue(e.contains("read time " + (T0 + 5001) + " is after the block time "
        + (T0 + 5000)), e);
    e = chain.refused(T0 + 5000, chain.read(chain.clinic, gid, owned, "treatment",
        Long.MAX_VALUE));
    assertTrue(e.contains("lies outside the validity"), e);
  }

  @Test
  void event_afterTheGrantExpired_refused() {
    String e = chain.refused(GRANTED + HOUR + 1, chain.read(chain.clinic, gid, owned,
        "treatment", GRANTED + HOUR));
    assertTrue(e.contains("expired at " + (GRANTED + HOUR)), e);
  }

  @Test
  void event_byAnotherReaderOrForAnUncoveredRecord_refused() {
    String e = chain.refused(T0 + 5000, chain.read(chain.otherClinic, gid, owned, "treatment",
        T0 + 4000));
    assertTrue(e.contains("reader is not the grantee"), e);
    e = chain.refused(T0 + 5000, chain.read(chain.clinic, gid, foreign, "treatment",
        T0 + 4000));
    assertTrue(e.contains("does not cover record"), e);
  }

  @Test
  void revokedGrant_refusesReads_andIsReinstatedFromItsNewBlockTime() throws Exception {
    String e = chain.refused(T0 + 3000, chain.revokeGrant(chain.other, gid));
    assertTrue(e.contains("belongs to another authority"), e);
    e = chain.refused(T0 + 3000, chain.txs.updateAccess(chain.owner, AccessPolicyUpdate
        .newBuilder().setGrantId(com.google.protobuf.ByteString.copyFrom(gid)).setRevoke(true)
        .setPurpose("treatment").build()));
    assertTrue(e.contains("a grant revocation carries nothing but grant_id"), e);
    e = chain.refused(T0 + 3000, chain.revokeGrant(chain.owner, chain.id()));
    assertTrue(e.contains("to revoke"), e);

    chain.block(T0 + 3000, chain.revokeGrant(chain.owner, gid));
    assertTrue(AccessPolicyRule.grant(chain.state(), gid).getGrant().getRevoke());
    assertEquals("treatment", AccessPolicyRule.grant(chain.state(), gid).getGrant().getPurpose(),
        "a revocation keeps the terms it withdrew");
    e = chain.refused(T0 + 4000, chain.read(chain.clinic, gid, owned, "treatment", T0 + 2500));
    assertTrue(e.contains("access under revoked grant"), e);

    chain.block(T0 + 6000, chain.grant(chain.owner, gid, "treatment", T0 + HOUR, owned));
    e = chain.refused(T0 + 7000, chain.read(chain.clinic, gid, owned, "treatment", T0 + 4000));
    assertTrue(e.contains("lies outside the validity"), "a read while it was revoked: " + e);
    chain.block(T0 + 7000, chain.read(chain.clinic, gid, owned, "treatment", T0 + 6500));
  }
}
