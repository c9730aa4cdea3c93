package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.BreakGlassReviewRule;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.Printable;
import io.pqzk.ledger.ReaderRegistrationRule;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.Consent;
import io.pqzk.ledger.proto.CustodianAccess;
import io.pqzk.ledger.proto.StoredReader;
import io.pqzk.ledger.proto.StoredReview;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.records.RecordsException;
import io.pqzk.records.VaultStorageException;
import io.pqzk.records.vault.RecordVault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail of a record, and the break-glass reads still open, as the chain has them: each
 * entry was found through the custodian's chain index and then checked against the chain itself
 * (the block at its height is final, holds a transaction with its id, of the kind indexed). An
 * entry that fails the check says so ({@link Entry#checked}); nothing is taken from the index
 * alone. Break-glass reasons come from the vault, shown only when they match the commitment the
 * event carries.
 */
public final class Audit {
  private static final HexFormat HEX = HexFormat.of();

  /** One event: where it is, what it was, and whether the chain confirms it. */
  public record Entry(long height, byte[] transactionId, String kind, String summary,
      boolean checked) {
    public String transactionHex() {
      return HEX.formatHex(transactionId);
    }
  }

  private final Custodian c;

  public Audit(Custodian c) {
    this.c = c;
  }

  /** Every event about the record of this subject, or empty when the custodian has none. */
  public Optional<List<Entry>> subject(String subjectId) throws RecordsException,
      LedgerException {
    Optional<byte[]> record = c.vault.commitmentOf(RecordDocument.SCHEMA, subjectId);
    if (record.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(record(record.get()));
  }

  /** Every event about {@code record}, in chain order. */
  public List<Entry> record(byte[] record) throws RecordsException, LedgerException {
    List<Entry> out = new ArrayList<>();
    for (ChainIndex.EventRef e : c.index().events(record)) {
      out.add(entry(e.height(), e.transactionId(), record));
    }
    return out;
  }

  /** The event at {@code height} with this id, checked against the chain (any record). */
  public Entry event(long height, byte[] transactionId) throws RecordsException,
      LedgerException {
    return entry(height, transactionId, new byte[32]);
  }

  /** The break-glass events no review has closed, each checked against the chain. */
  public List<Entry> unreviewed() throws RecordsException, LedgerException {
    List<Entry> out = new ArrayList<>();
    for (byte[][] e : c.index().breakGlassEvents()) {
      StoredReview r = c.state(s -> BreakGlassReviewRule.review(s, e[0]));
      if (r != null) {
        continue;
      }
      var bg = c.state(s -> io.pqzk.ledger.CustodianAccessRule.breakGlass(s, e[0]));
      out.add(entry(bg == null ? -1 : bg.getHeight(), e[0], e[1]));
    }
    return out;
  }

  private Entry entry(long height, byte[] id, byte[] record) throws RecordsException,
      LedgerException {
    ParsedTransaction tx = height < 0 || height > c.ledger.finalizedHeight() ? null
        : find(height, id);
    if (tx == null) {
      return new Entry(height, id, "?", "NOT FOUND on the chain at height " + height, false);
    }
    TransactionBody b = tx.body();
    String by = name(b.getAuthorKeyId());
    return switch (b.getPayloadCase()) {
      case CUSTODIAN_ACCESS -> access(height, id, record, b.getCustodianAccess(), by);
      case BREAK_GLASS_REVIEW -> new Entry(height, id, "review", "break-glass event "
          + HEX.formatHex(b.getBreakGlassReview().getEventTransactionId().toByteArray())
          .substring(0, 16) + " reviewed by " + by + ": " + Printable.escape(
              b.getBreakGlassReview().getFinding()), true);
      case RECORD_REGISTRATION -> new Entry(height, id, "registration", "commitment registered"
          + " by its owner " + by + " (schema " + Printable.escape(b.getRecordRegistration()
          .getSchema()) + ")", true);
      case RECORD_PURGE -> new Entry(height, id, "purge", "purged by its owner " + by
          + " (crypto-shredded; the commitment stays)", true);
      case RECORD_CUSTODY -> new Entry(height, id, "custody", "kept by " + name(
          b.getRecordCustody().getCustodianKeyId()) + ", resident in "
          + b.getRecordCustody().getResidency() + " (set by " + by + ")", true);
      case CONSENT_DIRECTIVE -> consent(height, id, b, by);
      case ACCESS_EVENT -> new Entry(height, id, "reader-logged", by + " logged a read under"
          + " grant " + HEX.formatHex(b.getAccessEvent().getGrantId().toByteArray())
          .substring(0, 16) + " for " + Printable.escape(b.getAccessEvent().getPurpose()), true);
      default -> new Entry(height, id, b.getPayloadCase().name().toLowerCase(), "by " + by, true);
    };
  }

  private Entry consent(long height, byte[] id, TransactionBody b, String by) {
    try {
      Consent k = Consent.parseFrom(b.getConsentDirective().getConsent());
      String scope = k.getReaderKeyIdsCount() == 0 && k.getRolesCount() == 0 ? "anyone"
          : (k.getReaderKeyIdsList().stream().map(this::name).toList() + " roles "
              + k.getRolesList());
      return new Entry(height, id, "consent", (k.getWithdraw() ? "withdrawn: directive"
          : k.getDecision().name().toLowerCase()) + " " + k.getPurposesList() + " to " + scope
          + " (sequence " + k.getSequence() + ", relayed by " + by + ")", true);
    } catch (InvalidProtocolBufferException e) {
      return new Entry(height, id, "consent", "does not parse", false);
    }
  }

  private Entry access(long height, byte[] id, byte[] record, CustodianAccess e, String by)
      throws RecordsException, LedgerException {
    String reader = name(e.getReaderKeyId());
    String s;
    switch (e.getOutcome()) {
      case RELEASED -> s = "released to " + reader + " for " + e.getPurpose() + " under grant "
          + HEX.formatHex(e.getGrantId().toByteArray()).substring(0, 16) + " (custodian " + by
          + ")";
      case DENIED -> s = "denied to " + reader + (e.getPurpose().isEmpty() ? "" : " for "
          + Printable.escape(e.getPurpose())) + ": " + e.getDenial() + (e.getDetail().isEmpty()
          ? "" : " (" + Printable.escape(e.getDetail()) + ")") + (e.getSuppressedDenials() == 0
          ? "" : "; " + e.getSuppressedDenials() + " earlier denials rate-limited");
      case BREAK_GLASS -> {
        StoredReview r = c.state(st -> BreakGlassReviewRule.review(st, id));
        s = "BREAK-GLASS release to " + reader + " for " + e.getPurpose() + " as "
            + e.getBreakGlassRole() + ", reason: " + reason(record, id, e)
            + (r == null ? "; UNREVIEWED" : "; reviewed at height " + r.getHeight() + ": "
                + Printable.escape(r.getFinding()));
      }
      default -> s = "unknown outcome";
    }
    return new Entry(height, id, "access", s, true);
  }

  private String reason(byte[] record, byte[] id, CustodianAccess e) throws RecordsException {
    Optional<RecordVault.Reason> r;
    try {
      r = c.vault.reason(record, id);
    } catch (io.pqzk.records.ShreddedRecordException gone) {
      return "[shredded with the record]";
    }
    if (r.isEmpty()) {
      return c.vault.tombstone(record).isPresent() ? "[shredded with the record]"
          : "[not kept by this custodian]";
    }
    byte[] commitment = Hashes.hash("pqzk/v1/break-glass-reason", c.genesis.chainId(),
        r.get().commitmentNonce(), r.get().text().getBytes(StandardCharsets.UTF_8));
    return MessageDigest.isEqual(commitment, e.getReasonCommitment().toByteArray())
        ? "\"" + Printable.escape(r.get().text()) + "\" (matches its commitment)"
        : "[the kept reason does not match the event's commitment]";
  }

  private ParsedTransaction find(long height, byte[] id) throws RecordsException,
      LedgerException {
    Block block;
    try {
      block = Block.parseFrom(c.ledger.block(height));
    } catch (IOException e) {
      throw new VaultStorageException("cannot read block " + height + ": " + e.getMessage(), e);
    }
    for (ByteString t : block.getTransactionsList()) {
      ParsedTransaction tx = c.rules.parseTransaction(t.toByteArray());
      if (MessageDigest.isEqual(tx.id(), id)) {
        return tx;
      }
    }
    return null;
  }

  /** A key's name: a registered reader's, a genesis member's, or its id's prefix. */
  private String name(ByteString keyId) {
    try {
      StoredReader r = c.state(s -> ReaderRegistrationRule.reader(s, keyId.toByteArray()));
      if (r != null) {
        return "'" + Printable.escape(r.getRegistration().getName()) + "'";
      }
    } catch (LedgerException e) {
      // fall through to the genesis and the id
    }
    Genesis.Author a = c.genesis.author(keyId.toByteArray());
    if (a != null) {
      return "'" + Printable.escape(a.name()) + "'";
    }
    return HEX.formatHex(keyId.toByteArray()).substring(0, 16);
  }
}
