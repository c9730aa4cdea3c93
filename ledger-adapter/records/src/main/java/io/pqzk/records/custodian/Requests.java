package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.codec.Canonical;
import io.pqzk.ledger.codec.NonCanonicalException;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.proto.Delivery;
import io.pqzk.records.proto.OpeningRequest;
import io.pqzk.records.proto.ReadRequest;
import io.pqzk.records.proto.SignedOpeningRequest;
import io.pqzk.records.proto.SignedReadRequest;
import java.security.SecureRandom;
import java.security.SignatureException;

/**
 * Signed requests to a custodian: a reader's read request and an owner's opening request, each a
 * canonical protobuf message whose exact bytes are signed with ML-DSA under its own context
 * ({@code "pqzk/v1/read-request|"} or {@code "pqzk/v1/opening-request|"} + chain id), so a
 * signature for one can never pass as the other, or on another chain. A request names the
 * custodian it is for, carries a 16-byte nonce and expires within {@link #MAX_LIFETIME_MILLIS}.
 */
public final class Requests {
  public static final String CTX_READ = "pqzk/v1/read-request";
  public static final String CTX_OPENING = "pqzk/v1/opening-request";
  /** Domain of request digests (what access events carry). */
  public static final String DIGEST = "pqzk/v1/request-digest";
  public static final long MAX_LIFETIME_MILLIS = 5 * 60_000L;
  public static final int NONCE_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Requests() {}

  static byte[] nonce() {
    byte[] n = new byte[NONCE_BYTES];
    RANDOM.nextBytes(n);
    return n;
  }

  /** A read request for {@code subject}, valid for two minutes from now. */
  public static ReadRequest.Builder read(String chainId, byte[] custodianKeyId,
      LedgerSigningKey reader, String subjectId, String purpose, long nowMillis) {
    return ReadRequest.newBuilder().setChainId(chainId)
        .setCustodianKeyId(ByteString.copyFrom(custodianKeyId))
        .setReaderKeyId(ByteString.copyFrom(reader.publicKey().keyId())).setSubjectId(subjectId)
        .setPurpose(purpose).setNonce(ByteString.copyFrom(nonce())).setIssuedMillis(nowMillis)
        .setExpiresMillis(nowMillis + 120_000).setDelivery(Delivery.DELIVERY_HPKE);
  }

  public static SignedReadRequest sign(LedgerSigningKey reader, ReadRequest r) {
    byte[] bytes = r.toByteArray();
    return SignedReadRequest.newBuilder().setRequest(ByteString.copyFrom(bytes))
        .setSignature(ByteString.copyFrom(Signatures.sign(reader, bytes,
            Hashes.context(CTX_READ, r.getChainId())))).build();
  }

  public static SignedOpeningRequest sign(LedgerSigningKey owner, OpeningRequest r) {
    byte[] bytes = r.toByteArray();
    return SignedOpeningRequest.newBuilder().setRequest(ByteString.copyFrom(bytes))
        .setSignature(ByteString.copyFrom(Signatures.sign(owner, bytes,
            Hashes.context(CTX_OPENING, r.getChainId())))).build();
  }

  static ReadRequest parse(SignedReadRequest s) throws InvalidRecordInputException {
    try {
      return Canonical.parse(ReadRequest.parser(), s.getRequest().toByteArray(), "read request");
    } catch (NonCanonicalException e) {
      throw new InvalidRecordInputException(e.getMessage(), e);
    }
  }

  static OpeningRequest parse(SignedOpeningRequest s) throws InvalidRecordInputException {
    try {
      return Canonical.parse(OpeningRequest.parser(), s.getRequest().toByteArray(),
          "opening request");
    } catch (NonCanonicalException e) {
      throw new InvalidRecordInputException(e.getMessage(), e);
    }
  }

  static void verify(LedgerPublicKey key, String chainId, String context, byte[] bytes,
      byte[] signature) throws SignatureException {
    Signatures.verify(key, bytes, Hashes.context(context, chainId), signature);
  }

  /**
   * The digest an access event carries: SHA-256 under the chain id of the authenticated reader's
   * key id and the exact signed request, so one reader's request replayed by another gives
   * another digest, and the digest reveals nothing of the request (its nonce is random).
   */
  public static byte[] digest(String chainId, byte[] authenticatedReader, SignedReadRequest s) {
    return Hashes.hash(DIGEST, chainId, authenticatedReader, s.toByteArray());
  }

  /** HPKE info of a release: binds the chain, the record and the access event. */
  public static byte[] releaseInfo(String chainId, byte[] record, byte[] eventTx) {
    java.util.HexFormat hex = java.util.HexFormat.of();
    return ("pqzk/v1/release|" + chainId + "|" + hex.formatHex(record) + "|"
        + hex.formatHex(eventTx)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Why the request's terms fail now, or null. */
  static String termsProblem(String chainId, byte[] custodian, String requestChain,
      ByteString requestCustodian, byte[] nonce, long issued, long expires, long now) {
    if (!chainId.equals(requestChain)) {
      return "the request is for another chain";
    }
    if (!requestCustodian.equals(ByteString.copyFrom(custodian))) {
      return "the request is for another custodian";
    }
    if (nonce.length != NONCE_BYTES) {
      return "the request's nonce is " + nonce.length + " bytes, expected " + NONCE_BYTES;
    }
    if (issued > now + 30_000) {
      return "the request is issued in the future";
    }
    if (expires <= now) {
      return "the request expired";
    }
    if (expires - issued > MAX_LIFETIME_MILLIS) {
      return "the request is valid for more than " + MAX_LIFETIME_MILLIS / 60_000 + " minutes";
    }
    return null;
  }
}
