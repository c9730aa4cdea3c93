package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.CustodianAccessRule;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.ReadDenial;
import io.pqzk.ledger.ReaderRegistrationRule;
import io.pqzk.ledger.TransactionRejectedException;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.CustodianAccess;
import io.pqzk.ledger.proto.StoredReader;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.UnauthenticatedException;
import io.pqzk.records.VaultStorageException;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemException;
import io.pqzk.records.kem.KemPublicKey;
import io.pqzk.records.proto.Delivery;
import io.pqzk.records.proto.ReadRequest;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.Refusal;
import io.pqzk.records.proto.Release;
import io.pqzk.records.proto.ReleaseJournalEntry;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.proto.VaultRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The read path. In order: the request parses; the caller is authenticated (its TLS certificate
 * bound to a registered reader, or in-process the request's signer) and the request's ML-DSA
 * signature verifies under the registered key, else refused with no event; from here on every
 * refusal is a DENIED event naming the authenticated reader (rate-limited): a request signed by
 * another reader, a bad or replayed request, an unknown subject, a record resident elsewhere, and
 * every policy refusal, judged by the ledger's own rule ({@link CustodianAccessRule#judge}) at the
 * finalized state. A permitted read decrypts the document (a tampered ciphertext stops it here,
 * named, before any event), journals the release, commits the RELEASED (or BREAK_GLASS) event and
 * waits until it is final, checks that the grant still held at the event's height (a revocation
 * may have raced it: then the release is withheld and a WITHHELD denial is written), and only then
 * seals the document to the reader's registered X-Wing key. No path releases before its event is
 * final.
 */
final class Reads {
  private static final HexFormat HEX = HexFormat.of();
  private static final int MAX_REASON_CHARS = 512;
  private final Custodian c;
  private final DenialLimiter limiter;
  private final SecureRandom random = new SecureRandom();

  Reads(Custodian c, DenialLimiter limiter) {
    this.c = c;
    this.limiter = limiter;
  }

  /** Who asked, once authenticated, and what. */
  private record Asked(SignedReadRequest signed, ReadRequest request, StoredReader reader,
      byte[] digest) {
    ByteString readerId() {
      return reader.getRegistration().getReaderKeyId();
    }
  }

  ReadResponse read(SignedReadRequest signed, Caller caller) throws RecordsException,
      LedgerException {
    ReadRequest r = Requests.parse(signed);
    c.index.sync(c.ledger);
    StoredReader named = c.state(s -> ReaderRegistrationRule.reader(s,
        r.getReaderKeyId().toByteArray()));
    StoredReader authenticated = caller.isTls()
        ? c.state(s -> ReaderRegistrationRule.readerByCertificate(s, caller.certificateSha256()))
        : named;
    if (authenticated == null) {
      throw new UnauthenticatedException(caller.isTls()
          ? "the TLS client certificate is bound to no registered reader"
          : "reader " + shortHex(r.getReaderKeyId()) + " is not registered");
    }
    Asked a = new Asked(signed, r, authenticated, Requests.digest(c.genesis.chainId(),
        authenticated.getRegistration().getReaderKeyId().toByteArray(), signed));
    if (named == null || !named.getRegistration().getReaderKeyId().equals(a.readerId())) {
      return deny(a, null, ReadDenial.FOREIGN_REQUEST, "the request names reader "
          + shortHex(r.getReaderKeyId()) + ", not the authenticated reader '"
          + authenticated.getRegistration().getName() + "'");
    }
    if (caller.isCertificateOnly()) {
      if (!signed.getSignature().isEmpty()) {
        return deny(a, null, ReadDenial.BAD_REQUEST, "a certificate-only request carries no"
            + " signature");
      }
    } else if (!signatureVerifies(authenticated, signed)) {
      if (!caller.isTls()) {
        throw new UnauthenticatedException("the read request's signature does not verify under"
            + " reader '" + authenticated.getRegistration().getName() + "'s key");
      }
      return deny(a, null, ReadDenial.BAD_REQUEST, "the request's signature does not verify");
    }
    long now = c.now();
    // the read is judged at the finalized state: never before its head block's time
    long at = Math.max(now, c.state(s -> s.headTimestamp()));
    String terms = Requests.termsProblem(c.genesis.chainId(), c.keyId(), r.getChainId(),
        r.getCustodianKeyId(), r.getNonce().toByteArray(), r.getIssuedMillis(),
        r.getExpiresMillis(), now);
    if (terms != null) {
      return deny(a, null, ReadDenial.BAD_REQUEST, terms);
    }
    if (!c.vault.useNonce(a.readerId().toByteArray(), r.getNonce().toByteArray(),
        r.getExpiresMillis(), now)) {
      return deny(a, null, ReadDenial.REPLAYED_REQUEST, "this request was presented before");
    }
    Optional<byte[]> found = c.vault.commitmentOf(io.pqzk.records.custodian.RecordDocument.SCHEMA,
        r.getSubjectId());
    if (found.isEmpty()) {
      return deny(a, null, ReadDenial.UNKNOWN_SUBJECT, "custodian '" + c.info.name()
          + "' keeps no record of this subject");
    }
    byte[] record = found.get();
    if (c.vault.tombstone(record).isPresent()) {
      return deny(a, record, ReadDenial.PURGED, "record " + shortHex(record) + " was purged at"
          + " height " + c.vault.tombstone(record).get().height());
    }
    VaultRecord stored = c.vault.record(record).orElseThrow(() -> new VaultStorageException(
        "the subject index names record " + shortHex(record) + ", which the vault lacks"));
    if (!stored.getResidency().equals(c.info.jurisdiction())) {
      return deny(a, record, ReadDenial.NOT_RESIDENT, "record " + shortHex(record) + " is"
          + " resident in " + stored.getResidency() + "; custodian '" + c.info.name()
          + "' releases records of " + c.info.jurisdiction() + " only");
    }
    boolean glass = !r.getBreakGlassRole().isEmpty() || !r.getBreakGlassReason().isEmpty();
    byte[] reasonNonce = null;
    byte[] event;
    if (glass) {
      if (!io.pqzk.ledger.Printable.isPrintable(r.getBreakGlassReason(), MAX_REASON_CHARS)) {
        return deny(a, record, ReadDenial.BAD_REQUEST, "a break-glass read states a reason of 1"
            + " to " + MAX_REASON_CHARS + " printable characters");
      }
      String role = r.getBreakGlassRole().isEmpty() ? breakGlassRole(a.reader(), r.getPurpose())
          : r.getBreakGlassRole();
      reasonNonce = new byte[32];
      random.nextBytes(reasonNonce);
      event = eventTx(a, record, CustodianAccess.newBuilder()
          .setOutcome(CustodianAccess.Outcome.BREAK_GLASS)
          .setBreakGlassRole(role)
          .setReasonCommitment(ByteString.copyFrom(reasonCommitment(reasonNonce,
              r.getBreakGlassReason()))), at);
      CustodianAccessRule.Verdict v = judge(event, true);
      if (v != null) {
        return deny(a, record, v.denial(), v.message());
      }
    } else {
      event = null;
      CustodianAccessRule.Verdict best = null;
      for (byte[] gid : c.index.grants(a.readerId().toByteArray(), record)) {
        byte[] candidate = eventTx(a, record, CustodianAccess.newBuilder()
            .setOutcome(CustodianAccess.Outcome.RELEASED).setGrantId(ByteString.copyFrom(gid)),
            at);
        CustodianAccessRule.Verdict v = judge(candidate, true);
        if (v == null) {
          event = candidate;
          break;
        }
        if (best == null || rank(v.denial()) > rank(best.denial())) {
          best = v;
        }
      }
      if (event == null) {
        if (best == null) {
          // no grant names this reader for this record: judge without one, so a residency or
          // consent refusal is named as such rather than hidden behind the missing grant
          best = judge(eventTx(a, record, CustodianAccess.newBuilder()
              .setOutcome(CustodianAccess.Outcome.RELEASED), at), true);
        }
        return deny(a, record, best.denial(), best.message());
      }
    }
    return release(a, record, event, glass, reasonNonce);
  }

  /** The reader's first genesis break-glass role allowing {@code purpose}, or "". */
  private String breakGlassRole(StoredReader reader, String purpose) {
    for (String role : reader.getRegistration().getRolesList()) {
      io.pqzk.ledger.proto.RoleDefinition d = c.genesis.role(role);
      if (d != null && d.getKind() == io.pqzk.ledger.proto.RoleKind.BREAK_GLASS
          && d.getPurposesList().contains(purpose)) {
        return role;
      }
    }
    return "";
  }

  /** Policy refusals ranked: a grant that fails on a later term tells the reader more. */
  private static int rank(ReadDenial d) {
    return switch (d) {
      case NO_GRANT -> 0;
      case GRANT_REVOKED, GRANT_EXPIRED -> 1;
      case WRONG_PURPOSE -> 2;
      default -> 3;
    };
  }

  private boolean signatureVerifies(StoredReader reader, SignedReadRequest signed) {
    try {
      LedgerPublicKey k = Signatures.publicKey(reader.getRegistration().getSigningAlgorithm(),
          reader.getRegistration().getSigningSpki().toByteArray());
      Requests.verify(k, c.genesis.chainId(), Requests.CTX_READ, signed.getRequest()
          .toByteArray(), signed.getSignature().toByteArray());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private byte[] reasonCommitment(byte[] nonce, String reason) {
    return Hashes.hash("pqzk/v1/break-glass-reason", c.genesis.chainId(), nonce,
        reason.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] eventTx(Asked a, byte[] record, CustodianAccess.Builder e, long now) {
    e.setReaderKeyId(a.readerId()).setPurpose(a.request().getPurpose())
        .setRequestDigest(ByteString.copyFrom(a.digest())).setReadMillis(now);
    if (record != null) {
      e.setRecordCommitment(ByteString.copyFrom(record));
    }
    return c.txs.sign(c.options.signingKey(), c.txs.body(c.options.signingKey())
        .setCustodianAccess(e));
  }

  /** The ledger's verdict on {@code event} at the finalized state, as the next block would be. */
  private CustodianAccessRule.Verdict judge(byte[] event, boolean replay) throws LedgerException {
    ParsedTransaction tx = c.rules.parseTransaction(event);
    return c.state(s -> {
      BlockDraft d = c.rules.draft(s, Math.max(c.now(), s.headTimestamp() + 1));
      return CustodianAccessRule.judge(tx, d, replay);
    });
  }

  private ReadResponse release(Asked a, byte[] record, byte[] event, boolean glass,
      byte[] reasonNonce) throws RecordsException, LedgerException {
    byte[] document = c.vault.document(record); // a tampered vault stops here, before any event
    try {
      ParsedTransaction tx = c.rules.parseTransaction(event);
      ReleaseJournalEntry.Builder j = ReleaseJournalEntry.newBuilder()
          .setRequestDigest(ByteString.copyFrom(a.digest()))
          .setRecordCommitment(ByteString.copyFrom(record)).setReaderKeyId(a.readerId())
          .setEventTransactionId(ByteString.copyFrom(tx.id()))
          .setState(ReleaseJournalEntry.State.SUBMITTING).setUpdatedMillis(c.now());
      c.vault.journal(j.build());
      LedgerGateway.Committed done;
      try {
        done = c.ledger.commit(event);
      } catch (TransactionRejectedException e) {
        // the state moved between the judgment and the block: judge again for the reason
        c.vault.journal(j.setState(ReleaseJournalEntry.State.WITHHELD).build());
        CustodianAccessRule.Verdict v = judge(event, true);
        return deny(a, record, v == null ? ReadDenial.WITHHELD : v.denial(),
            v == null ? e.getMessage() : v.message());
      } catch (IOException e) {
        throw new VaultStorageException("ledger: " + e.getMessage(), e);
      }
      c.vault.journal(j.setState(ReleaseJournalEntry.State.FINAL)
          .setEventHeight(done.height()).setUpdatedMillis(c.now()).build());
      c.options.hook().eventFinal(done.transactionId(), done.height());
      CustodianAccessRule.Verdict still = c.state(s -> CustodianAccessRule.judge(tx,
          c.rules.draft(s, s.headTimestamp()), false));
      if (still != null) {
        c.vault.journal(j.setState(ReleaseJournalEntry.State.WITHHELD).build());
        return deny(a, record, ReadDenial.WITHHELD, "the event is final at height "
            + done.height() + ", but at that height the read no longer holds ("
            + still.denial() + "): released nothing");
      }
      if (glass) {
        c.vault.keepReason(record, done.transactionId(), reasonNonce,
            a.request().getBreakGlassReason());
      }
      Release.Builder out = Release.newBuilder().setRecordCommitment(ByteString.copyFrom(record))
          .setEventTransactionId(ByteString.copyFrom(done.transactionId()))
          .setEventHeight(done.height()).setSchema(RecordDocument.SCHEMA);
      if (a.request().getDelivery() == Delivery.DELIVERY_PLAINTEXT_OVER_TLS) {
        out.setDocument(ByteString.copyFrom(document));
      } else {
        try {
          Hpke.Sealed s = Hpke.seal(KemPublicKey.of(a.reader().getRegistration()
              .getKemPublicKey().toByteArray()), Requests.releaseInfo(c.genesis.chainId(), record,
              done.transactionId()), a.digest(), document);
          out.setHpkeEnc(ByteString.copyFrom(s.enc()))
              .setHpkeCiphertext(ByteString.copyFrom(s.ciphertext()));
        } catch (KemException e) {
          c.vault.journal(j.setState(ReleaseJournalEntry.State.WITHHELD).build());
          throw new InvalidRecordInputException("reader '" + a.reader().getRegistration()
              .getName() + "'s registered X-Wing key refuses encapsulation: " + e.getMessage(),
              e);
        }
      }
      c.vault.journal(j.setState(ReleaseJournalEntry.State.RELEASED).setUpdatedMillis(c.now())
          .build());
      return ReadResponse.newBuilder().setRelease(out).build();
    } finally {
      Arrays.fill(document, (byte) 0);
    }
  }

  /**
   * Refuses, writing a DENIED event naming the authenticated reader unless its denials are over
   * the rate limit (then counted for its next denied event).
   */
  private ReadResponse deny(Asked a, byte[] record, ReadDenial denial, String message)
      throws LedgerException, VaultStorageException {
    Refusal.Builder out = Refusal.newBuilder().setDenial(denial.name())
        .setMessage(detail(message));
    int suppressed = limiter.admit(a.readerId(), c.now());
    if (suppressed < 0) {
      out.setMessage(out.getMessage() + " (denials of this reader are rate-limited: not logged"
          + " now, counted in its next denied event)");
      return ReadResponse.newBuilder().setRefusal(out).build();
    }
    String purpose = a.request().getPurpose();
    CustodianAccess.Builder e = CustodianAccess.newBuilder()
        .setOutcome(CustodianAccess.Outcome.DENIED).setDenial(denial.name())
        .setDetail(detail(message)).setSuppressedDenials(suppressed)
        .setPurpose(io.pqzk.ledger.Printable.isPrintable(purpose, 64) ? purpose : "");
    try {
      long at = Math.max(c.now(), c.state(s -> s.headTimestamp()));
      LedgerGateway.Committed done = c.ledger.commit(eventTx(a, record, e, at));
      out.setEventTransactionId(ByteString.copyFrom(done.transactionId()))
          .setEventHeight(done.height());
    } catch (TransactionRejectedException x) {
      out.setMessage(out.getMessage() + " (the denied event itself was refused: "
          + oneLine(x.getMessage()) + ")");
    } catch (IOException x) {
      throw new VaultStorageException("ledger: " + x.getMessage(), x);
    }
    return ReadResponse.newBuilder().setRefusal(out).build();
  }

  /** The rule's message without its transaction prefix, printable and capped for the chain. */
  private static String detail(String message) {
    String m = oneLine(message).replaceFirst("^transaction [0-9a-f]{16} \\([a-z_]+\\) ", "");
    m = m.replaceAll("[^\\x20-\\x7e]", "?");
    return m.length() > 200 ? m.substring(0, 197) + "..." : m;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  static String shortHex(ByteString b) {
    return shortHex(b.toByteArray());
  }

  static String shortHex(byte[] b) {
    String h = HEX.formatHex(b);
    return h.length() > 16 ? h.substring(0, 16) : h;
  }
}
