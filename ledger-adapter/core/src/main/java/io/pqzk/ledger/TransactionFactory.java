package io.pqzk.ledger;

import io.pqzk.ledger.crypto.Hashes;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessDelegation;
import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.RecordRegistration;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;
import java.security.SecureRandom;

/** Builds and signs transactions for one chain: the bytes a client submits. */
public final class TransactionFactory {
  private final String chainId;
  private final byte[] context;
  private final SecureRandom random = new SecureRandom();

  public TransactionFactory(String chainId) {
    this.chainId = chainId;
    this.context = Hashes.context(Hashes.CTX_TX, chainId);
  }

  public byte[] registerRecord(LedgerSigningKey authority, byte[] commitment, String schema) {
    return sign(authority, body(authority).setRecordRegistration(RecordRegistration.newBuilder()
        .setCommitment(ByteString.copyFrom(commitment)).setSchema(schema)));
  }

  /**
   * A registration carrying, besides the ledger commitment, one leaf per genesis claim system
   * (that system's commitment to the same record, in the genesis order).
   */
  public byte[] registerRecord(LedgerSigningKey authority, byte[] commitment, String schema,
      java.util.List<byte[]> claimLeaves) {
    RecordRegistration.Builder r = RecordRegistration.newBuilder()
        .setCommitment(ByteString.copyFrom(commitment)).setSchema(schema);
    claimLeaves.forEach(l -> r.addClaimLeaves(ByteString.copyFrom(l)));
    return sign(authority, body(authority).setRecordRegistration(r));
  }

  public byte[] updateAccess(LedgerSigningKey authority, AccessPolicyUpdate update) {
    return sign(authority, body(authority).setAccessPolicyUpdate(update));
  }

  /** A record owner's delegation (or its revocation) of granting access to another authority. */
  public byte[] delegateAccess(LedgerSigningKey owner, AccessDelegation delegation) {
    return sign(owner, body(owner).setAccessDelegation(delegation));
  }

  public byte[] logAccess(LedgerSigningKey reader, AccessEvent event) {
    return sign(reader, body(reader).setAccessEvent(event));
  }

  public byte[] claim(LedgerSigningKey author, Claim claim) {
    return sign(author, body(author).setClaim(claim));
  }

  /** Signs an arbitrary body (tests use it to build transactions that break one rule). */
  public byte[] sign(LedgerSigningKey author, TransactionBody.Builder body) {
    byte[] bodyBytes = body.build().toByteArray();
    SignatureEnvelope env = SignatureEnvelope.newBuilder()
        .setAlgorithm(author.algorithm())
        .setKeyId(ByteString.copyFrom(author.publicKey().keyId()))
        .setContext(ByteString.copyFrom(context))
        .setSignature(ByteString.copyFrom(Signatures.sign(author, bodyBytes, context)))
        .build();
    return Transaction.newBuilder().setBody(ByteString.copyFrom(bodyBytes)).setSignature(env)
        .build().toByteArray();
  }

  /** A body with chain id, author, fresh nonce and creation time set. */
  public TransactionBody.Builder body(LedgerSigningKey author) {
    byte[] nonce = new byte[BlockDraft.NONCE_BYTES];
    random.nextBytes(nonce);
    return TransactionBody.newBuilder().setChainId(chainId)
        .setAuthorKeyId(ByteString.copyFrom(author.publicKey().keyId()))
        .setNonce(ByteString.copyFrom(nonce))
        .setCreatedMillis(System.currentTimeMillis());
  }

  /** A fresh random grant id. */
  public byte[] newGrantId() {
    byte[] id = new byte[AccessPolicyRule.GRANT_ID_BYTES];
    random.nextBytes(id);
    return id;
  }
}
