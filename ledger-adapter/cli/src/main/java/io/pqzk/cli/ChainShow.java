package io.pqzk.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.Printable;
import io.pqzk.ledger.proto.CircuitDigests;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.ledger.store.BlockScanner;
import io.pqzk.ledger.store.StoredBlock;
import io.pqzk.zk.ProofSystems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pqzk chain show}: a readable dump of one block (read-only, no verification). Every
 * string it prints from a block or the genesis goes through {@link Printable#escape}: a block
 * is written by strangers, and an escape sequence or a line break in a purpose or a policy must
 * not reach the terminal as itself (it could erase a line and forge another).
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print one block: header, signatures and transactions.",
      "",
      "Authors are named from the genesis file. Reads the block files read-only and checks"
          + " record checksums, not signatures (use `chain verify` for that). Text taken from the"
          + " block (purposes, schemas, policies, algorithm names) is printed with anything but"
          + " printable ASCII escaped as \\uXXXX. For each claim system with a trusted setup it"
          + " prints what the genesis pins: the SHA-256 of the verification key and of the claim"
          + " circuit's source and compiled program, so that operators can check which circuit the"
          + " setup was made for."
    })
final class ChainShow implements Callable<Integer> {
  private static final HexFormat HEX = HexFormat.of();
  @Spec CommandSpec spec;

  @Mixin Options.DataDir data;

  @Option(names = "--height", paramLabel = "H", description = "Block height (default: the last).")
  Long height;

  @Option(names = "--genesis", paramLabel = "FILE",
      description = "Genesis file used to name keys (default: DIR/genesis.json).")
  Path genesisFile;

  @Override
  public Integer call() {
    Genesis g = ChainCommand.genesis(data.dir, genesisFile);
    if (height != null && height < 0) {
      throw CliException.badInput("--height must be 0 or more, got " + height);
    }
    StoredBlock found = null;
    long count = 0;
    try (BlockScanner s = BlockScanner.fromStart(Ledger.blocksDir(data.dir))) {
      for (StoredBlock b = s.next(); b != null; b = s.next()) {
        count++;
        found = b;
        if (height != null && b.height() == height) {
          break;
        }
      }
    } catch (LedgerException e) {
      throw ChainCommand.failure(e);
    } catch (IOException e) {
      throw CliException.badInput("cannot read " + data.dir + ": " + e.getMessage());
    }
    if (found == null || (height != null && found.height() != height)) {
      throw CliException.badInput("no block at height " + (height == null ? 0 : height)
          + " (the chain has " + count + " blocks)");
    }
    try {
      print(spec.commandLine().getOut(), g, found);
    } catch (InvalidProtocolBufferException e) {
      throw CliException.rejected("block " + found.height() + " is not a valid Block protobuf: "
          + e.getMessage());
    }
    return Main.OK;
  }

  private static void print(PrintWriter out, Genesis g, StoredBlock b)
      throws InvalidProtocolBufferException {
    Block block = Block.parseFrom(b.payload());
    BlockHeader h = BlockHeader.parseFrom(block.getHeader());
    out.printf("block %d of chain %s  (%d bytes, %s offset %d)%n", h.getHeight(),
        Printable.escape(h.getChainId()),
        b.payload().length, io.pqzk.ledger.store.BlockFiles.segmentName(b.location().segment()),
        b.location().offset());
    out.printf("  timestamp          %s%n", Instant.ofEpochMilli(h.getTimestampMillis()));
    out.printf("  previous hash      %s%n", hex(h.getPreviousHash()));
    out.printf("  transactions root  %s  (%d transactions)%n", hex(h.getTransactionsRoot()),
        h.getTransactionCount());
    out.printf("  registry root      %s  (%d records)%n", hex(h.getRegistryRoot()),
        h.getRegistrySize());
    for (int i = 0; i < h.getClaimRegistryRootsCount(); i++) {
      String sys = i < g.claimSystems().size() ? Printable.escape(g.claimSystems().get(i))
          : "system #" + i;
      out.printf("  %-18s %s  (claims prove membership under this root)%n", sys + " root",
          hex(h.getClaimRegistryRoots(i)));
    }
    out.printf("  state root         %s%n", hex(h.getStateRoot()));
    out.printf("  proposer           %s%n", who(g, h.getProposerKeyId()));
    pins(out, g);
    out.println("  signatures");
    for (SignatureEnvelope e : block.getSignaturesList()) {
      out.printf("    %-18s key %s  %d bytes%n", Printable.escape(e.getAlgorithm()),
          shortHex(e.getKeyId()), e.getSignature().size());
    }
    out.println("  transactions");
    for (int i = 0; i < block.getTransactionsCount(); i++) {
      Transaction t = Transaction.parseFrom(block.getTransactions(i));
      TransactionBody body = TransactionBody.parseFrom(t.getBody());
      out.printf("    %3d %-20s by %-28s %s%n", i,
          body.getPayloadCase().name().toLowerCase(java.util.Locale.ROOT),
          who(g, body.getAuthorKeyId()), summary(g, body));
    }
    out.flush();
  }

  private static String summary(Genesis g, TransactionBody body) {
    return switch (body.getPayloadCase()) {
      case RECORD_REGISTRATION -> "commitment " + shortHex(
          body.getRecordRegistration().getCommitment()) + ", schema "
          + Printable.escape(body.getRecordRegistration().getSchema());
      case ACCESS_POLICY_UPDATE -> {
        var p = body.getAccessPolicyUpdate();
        yield (p.getRevoke() ? "revoke " : "grant ") + shortHex(p.getGrantId()) + " to "
            + who(g, p.getGranteeKeyId()) + ", " + p.getRecordCommitmentsCount() + " records, "
            + Printable.escape(p.getPurpose());
      }
      case ACCESS_EVENT -> "read " + shortHex(body.getAccessEvent().getRecordCommitment())
          + " under grant " + shortHex(body.getAccessEvent().getGrantId()) + ", "
          + Printable.escape(body.getAccessEvent().getPurpose());
      case CLAIM -> Printable.escape(body.getClaim().getProof().getSystem()) + " "
          + Printable.escape(body.getClaim().getProof().getClaim()) + " claim, policy "
          + Printable.escape(body.getClaim().getPolicy()) + ", root of block "
          + body.getClaim().getRootHeight() + ", " + body.getClaim().getProof().getProof().size()
          + "-byte proof";
      case ACCESS_DELEGATION -> {
        var d = body.getAccessDelegation();
        yield d.getRevoke() ? "revoke the delegation to " + who(g, d.getDelegateKeyId())
            : "delegate to " + who(g, d.getDelegateKeyId()) + " "
                + (d.getAllRecords() ? "all records" : d.getRecordCommitmentsCount() + " records")
                + ", until " + time(d.getNotAfterMillis());
      }
      case READER_REGISTRATION -> {
        var r = body.getReaderRegistration();
        yield r.getRevoke() ? "revoke reader " + shortHex(r.getReaderKeyId())
            : "reader " + Printable.escape(r.getName()) + " key " + shortHex(r.getReaderKeyId())
                + ", " + Printable.escape(r.getSigningAlgorithm()) + ", jurisdiction "
                + Printable.escape(r.getJurisdiction()) + ", roles " + list(r.getRolesList())
                + (r.getTlsCertificateSha256().isEmpty() ? "" : ", TLS certificate "
                    + shortHex(r.getTlsCertificateSha256()));
      }
      case RECORD_CUSTODY -> {
        var c = body.getRecordCustody();
        yield "record " + shortHex(c.getRecordCommitment()) + " held by "
            + who(g, c.getCustodianKeyId()) + ", residency " + Printable.escape(c.getResidency())
            + ", patient " + (c.getPatientKeyId().isEmpty() ? "none"
                : shortHex(c.getPatientKeyId())) + ", " + c.getProxiesCount() + " proxies";
      }
      case CONSENT_DIRECTIVE -> consent(body.getConsentDirective());
      case CUSTODIAN_ACCESS -> {
        var a = body.getCustodianAccess();
        String outcome = a.getOutcome().name().toLowerCase(java.util.Locale.ROOT);
        String base = outcome + ": reader " + shortHex(a.getReaderKeyId()) + ", record "
            + (a.getRecordCommitment().isEmpty() ? "none" : shortHex(a.getRecordCommitment()))
            + ", " + Printable.escape(a.getPurpose());
        yield switch (a.getOutcome()) {
          case RELEASED -> base + " under grant " + shortHex(a.getGrantId());
          case DENIED -> base + ", " + Printable.escape(a.getDenial())
              + (a.getDetail().isEmpty() ? "" : " (" + Printable.escape(a.getDetail()) + ")")
              + (a.getSuppressedDenials() == 0 ? ""
                  : ", " + a.getSuppressedDenials() + " denials not logged before it");
          case BREAK_GLASS -> base + " as " + Printable.escape(a.getBreakGlassRole())
              + ", reason committed " + shortHex(a.getReasonCommitment());
          default -> base;
        };
      }
      case BREAK_GLASS_REVIEW -> "review of break-glass event "
          + shortHex(body.getBreakGlassReview().getEventTransactionId()) + ": "
          + Printable.escape(body.getBreakGlassReview().getFinding());
      case RECORD_PURGE -> "purge record " + shortHex(body.getRecordPurge().getRecordCommitment());
      case VALIDATOR_SET_UPDATE -> validatorChange(body.getValidatorSetUpdate());
      case PAYLOAD_NOT_SET -> "(no payload)";
    };
  }

  /** A consent directive: the decision it carries, or that its bytes are no Consent. */
  private static String consent(io.pqzk.ledger.proto.ConsentDirective d) {
    io.pqzk.ledger.proto.Consent c;
    try {
      c = io.pqzk.ledger.proto.Consent.parseFrom(d.getConsent());
    } catch (InvalidProtocolBufferException e) {
      return "consent: " + d.getConsent().size() + " bytes that are no Consent";
    }
    String signer = ", signed " + Printable.escape(d.getSignerAlgorithm());
    if (c.getWithdraw()) {
      return "withdraw consent " + shortHex(c.getConsentId()) + " of record "
          + shortHex(c.getRecordCommitment()) + signer;
    }
    return "consent " + shortHex(c.getConsentId()) + " #" + c.getSequence() + " "
        + c.getDecision().name().toLowerCase(java.util.Locale.ROOT) + " record "
        + shortHex(c.getRecordCommitment()) + " for " + list(c.getPurposesList()) + ", "
        + (c.getReaderKeyIdsCount() == 0 && c.getRolesCount() == 0 ? "anyone"
            : c.getReaderKeyIdsCount() + " readers, roles " + list(c.getRolesList()))
        + ", " + time(c.getNotBeforeMillis()) + " to " + time(c.getNotAfterMillis()) + signer;
  }

  /** A validator-set change and how many signed its certificate, or that its bytes are not. */
  private static String validatorChange(io.pqzk.ledger.proto.ValidatorSetUpdate u) {
    io.pqzk.ledger.proto.ValidatorChange c;
    int signers;
    try {
      c = io.pqzk.ledger.proto.ValidatorChange.parseFrom(u.getChange());
      signers = io.pqzk.ledger.proto.QuorumCertificate.parseFrom(u.getCertificate())
          .getSignaturesCount();
    } catch (InvalidProtocolBufferException e) {
      return "validator set change: bytes that are no ValidatorChange and QuorumCertificate";
    }
    return c.getKind().name().toLowerCase(java.util.Locale.ROOT) + " validator "
        + Printable.escape(c.getValidator().getName()) + " (set version " + c.getSetVersion()
        + (c.getPeerAddress().isEmpty() ? "" : ", peer " + Printable.escape(c.getPeerAddress()))
        + "), certified by " + signers + " signatures";
  }

  private static String list(java.util.List<String> items) {
    return "[" + String.join(", ", items.stream().map(Printable::escape).toList()) + "]";
  }

  private static String time(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  /**
   * What the genesis pins of each claim system with a trusted setup: a key cannot be tied to a
   * circuit without the setup's transcript, so operators check these digests against the
   * circuit they audited and the ceremony's record.
   */
  private static void pins(PrintWriter out, Genesis g) {
    for (String sys : g.claimSystems()) {
      if (!ProofSystems.hasTrustedSetup(sys)) {
        continue;
      }
      String name = Printable.escape(sys);
      String key = g.proto().getClaims().getVerificationKeysMap().get(sys);
      CircuitDigests c = g.claimCircuit(sys);
      out.printf("  %s trusted setup pinned by the genesis (SHA-256)%n", name);
      out.printf("    verification key     %s%n", sha256(key));
      out.printf("    circuit source       %s%n", Printable.escape(c.getSourceSha256()));
      out.printf("    circuit program      %s%n", Printable.escape(c.getProgramSha256()));
    }
  }

  private static String sha256(String text) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String who(Genesis g, ByteString keyId) {
    Genesis.Author a = g.author(keyId.toByteArray());
    return a == null ? "unknown key " + shortHex(keyId)
        : Printable.escape(a.name()) + " (" + a.role().name().toLowerCase(java.util.Locale.ROOT)
            + ")";
  }

  private static String hex(ByteString b) {
    return HEX.formatHex(b.toByteArray());
  }

  private static String shortHex(ByteString b) {
    String s = hex(b);
    return s.length() > 16 ? s.substring(0, 16) + ".." : s;
  }
}
