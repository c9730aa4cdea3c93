package io.pqzk.ledger;

import static io.pqzk.ledger.RuleChain.HOUR;
import static io.pqzk.ledger.RuleChain.T0;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.AccessDelegation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delegation transactions: only the owner of a record (or an authority it delegated to, while
 * the delegation is in force and covers the record) grants access to it, and a revoked or
 * expired delegation ends access under the grants its delegate wrote.
 */
class AccessDelegationTest {
  RuleChain chain;
  byte[] listed;
  byte[] unlisted;

  /** Block 0: the owner registers two records. */
  @BeforeEach
  void chain() throws Exception {
    chain = new RuleChain();
    listed = chain.commitment();
    unlisted = chain.commitment();
    chain.block(T0 + 1000, chain.register(chain.owner, listed),
        chain.register(chain.owner, unlisted));
  }

  @Test
  void listedDelegation_letsTheDelegateGrantThoseRecordsOnly() throws Exception {
    chain.block(T0 + 2000, chain.delegate(chain.owner, chain.other, T0 + HOUR, listed));
    String e = chain.refused(T0 + 3000, chain.grant(chain.other, chain.id(), "treatment",
        T0 + HOUR, unlisted));
    assertTrue(e.contains("its delegation from") && e.contains("does not cover it"), e);
    byte[] gid = chain.id();
    chain.block(T0 + 3000, chain.grant(chain.other, gid, "treatment", T0 + HOUR, listed));
    chain.block(T0 + 4000, chain.read(chain.clinic, gid, listed, "treatment", T0 + 3500));
  }

  @Test
  void allRecordsDelegation_coversRecordsRegisteredLater() throws Exception {
    chain.block(T0 + 2000, chain.delegate(chain.owner, chain.other, T0 + HOUR));
    byte[] later = chain.commitment();
    chain.block(T0 + 3000, chain.register(chain.owner, later));
    byte[] gid = chain.id();
    chain.block(T0 + 4000, chain.grant(chain.other, gid, "treatment", T0 + HOUR, later,
        listed));
    chain.block(T0 + 5000, chain.read(chain.clinic, gid, later, "treatment", T0 + 4000));
  }

  @Test
  void revokedDelegation_endsGrantingAndReadsUnderTheDelegatesGrants() throws Exception {
    byte[] gid = chain.id();
    chain.block(T0 + 2000, chain.delegate(chain.owner, chain.other, T0 + HOUR));
    chain.block(T0 + 3000, chain.grant(chain.other, gid, "treatment", T0 + HOUR, listed));
    chain.block(T0 + 4000, chain.revokeDelegation(chain.owner, chain.other));
    String e = chain.refused(T0 + 5000, chain.read(chain.clinic, gid, listed, "treatment",
        T0 + 4500));
    assertTrue(e.contains("no longer gives access") && e.contains("was revoked at block 3"), e);
    e = chain.refused(T0 + 5000, chain.grant(chain.other, chain.id(), "treatment", T0 + HOUR,
        listed));
    assertTrue(e.contains("was revoked"), e);
    // the owner's word holds again once it delegates anew
    chain.block(T0 + 5000, chain.delegate(chain.owner, chain.other, T0 + HOUR, listed));
    chain.block(T0 + 6000, chain.read(chain.clinic, gid, listed, "treatment", T0 + 5500));
  }

  @Test
  void expiredDelegation_isJudgedAgainstBlockTime() throws Exception {
    byte[] gid = chain.id();
    chain.block(T0 + 2000, chain.delegate(chain.owner, chain.other, T0 + 10_000));
    chain.block(T0 + 3000, chain.grant(chain.other, gid, "treatment", T0 + HOUR, listed));
    chain.block(T0 + 10_000, chain.read(chain.clinic, gid, listed, "treatment", T0 + 9000));
    String e = chain.refused(T0 + 10_001, chain.read(chain.clinic, gid, listed, "treatment",
        T0 + 9500));
    assertTrue(e.contains("expired at " + (T0 + 10_000)), e);
    e = chain.refused(T0 + 10_001, chain.grant(chain.other, chain.id(), "treatment", T0 + HOUR,
        listed));
    assertTrue(e.contains("expired at"), e);
  }

  @Test
  void onlyTheOwnerDelegates_andADelegateCannotPassItOn() throws Exception {
    chain.block(T0 + 2000, chain.delegate(chain.owner, chain.other, T0 + HOUR));
    // the delegate names the owner's record in a delegation of its own
    String e = chain.refused(T0 + 3000, chain.txs.delegateAccess(chain.other,
        RuleChain.delegationOf(chain.owner, T0 + HOUR, listed).build()));
    assertTrue(e.contains("which the author does not own"), e);
  }

  @Test
  void malformedDelegations_refusedByName() {
    long at = T0 + 2000;
    assertRefused(at, chain.delegate(chain.owner, chain.other, at), "is not after the block time");
    assertRefused(at, chain.delegate(chain.owner, chain.owner, T0 + HOUR),
        "cannot delegate to itself");
    assertRefused(at, chain.delegate(chain.owner, chain.clinic, T0 + HOUR),
        "is not an authority in the genesis");
    assertRefused(at, chain.txs.delegateAccess(chain.owner,
        RuleChain.delegationOf(chain.other, T0 + HOUR, listed).setAllRecords(true).build()),
        "either all_records or listed");
    assertRefused(at, chain.txs.delegateAccess(chain.owner, AccessDelegation.newBuilder()
        .setDelegateKeyId(ByteString.copyFrom(chain.other.publicKey().keyId()))
        .setNotAfterMillis(T0 + HOUR).build()), "either all_records or listed");
    assertRefused(at, chain.delegate(chain.owner, chain.other, T0 + HOUR, chain.commitment()),
        "unregistered commitment");
    assertRefused(at, chain.revokeDelegation(chain.owner, chain.other), "to revoke");
    assertRefused(at, chain.txs.delegateAccess(chain.owner,
        RuleChain.delegationOf(chain.other, T0 + HOUR).setRevoke(true).build()),
        "a delegation revocation carries nothing but delegate_key_id");
    assertRefused(at, chain.txs.delegateAccess(chain.clinic,
        RuleChain.delegationOf(chain.other, T0 + HOUR).build()), "needs an authority key");
  }

  private void assertRefused(long at, byte[] tx, String expected) {
    String e = chain.refused(at, tx);
    assertTrue(e.contains(expected), e);
  }
}
