package io.pqzk.cli.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.cli.CliRun;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.proto.AccessDelegation;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.BreakGlassReview;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.Consent;
import io.pqzk.ledger.proto.ConsentDirective;
import io.pqzk.ledger.proto.CustodianAccess;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.ledger.proto.ReaderRegistration;
import io.pqzk.ledger.proto.RecordCustody;
import io.pqzk.ledger.proto.RecordPurge;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.ledger.proto.ValidatorChange;
import io.pqzk.ledger.proto.ValidatorSetUpdate;
import io.pqzk.ledger.store.ChainFiles;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.store.StoredBlock;
import io.pqzk.ledger.store.TestChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk chain show} prints blocks written by strangers: an ANSI sequence that erases the
 * line and returns the cursor, followed by a line of the tool's own layout, could forge its
 * output. Every string from a block (and from the genesis) is printed escaped, so the output is
 * printable ASCII, one line per transaction, whatever the block carries.
 */
class ChainShowTest {
  /** Erase the line, back to its start, then what looks like one more transaction. */
  static final String FORGE = "\u001b[2K\r    9 record_registration  by medical-authority"
      + " (authority)     commitment 00000000 FORGED";

  @Test
  void show_blockWithEscapeSequences_printsThemEscaped_oneLinePerTransaction(@TempDir Path dir)
      throws Exception {
    TestChain chain = new TestChain(1);
    Path data = dir.resolve("data");
    try (Ledger l = chain.open(data)) {
      chain.fill(l, 2);
    }
    List<byte[]> payloads = new ArrayList<>();
    for (StoredBlock b : ChainFiles.records(data)) {
      payloads.add(b.payload());
    }
    // block 1 as a forger would write it (chain show checks no signature, so none is needed)
    Block b = Block.parseFrom(payloads.get(1));
    BlockHeader h = BlockHeader.parseFrom(b.getHeader());
    Block.Builder forged = b.toBuilder()
        .setHeader(h.toBuilder().setChainId(TestChain.CHAIN + "\u001b]0;owned\u0007")
            .setTransactionCount(5).build().toByteString())
        .setSignatures(0, b.getSignatures(0).toBuilder().setAlgorithm("ML-DSA-65" + FORGE));
    forged.setTransactions(0, edit(b.getTransactions(0), body -> body.setRecordRegistration(
        body.getRecordRegistration().toBuilder().setSchema("service-member/v1" + FORGE))));
    forged.setTransactions(2, edit(b.getTransactions(2), body -> body.setAccessPolicyUpdate(
        body.getAccessPolicyUpdate().toBuilder().setPurpose("treatment" + FORGE))));
    forged.setTransactions(3, edit(b.getTransactions(3), body -> body.setAccessEvent(
        body.getAccessEvent().toBuilder().setPurpose("treatment\n" + FORGE.substring(5)))));
    forged.addTransactions(edit(b.getTransactions(3), body -> body.setClaim(Claim.newBuilder()
        .setPolicy("fitness>=70" + FORGE).setRootHeight(0)
        .setProof(ProofAttachment.newBuilder().setSystem("stark\u009b2K").setClaim("eligibility"
            + "\u2028forged").setProof(ByteString.copyFrom(new byte[8]))))));
    payloads.set(1, forged.build().toByteArray());
    ChainFiles.rewrite(data, payloads);
    // and a genesis whose participant's name carries the same sequence
    Path genesis = dir.resolve("forged-genesis.json");
    io.pqzk.ledger.proto.Genesis.Builder g = chain.genesisProto(1);
    Member clinic = g.getParticipants(0);
    g.setParticipants(0, clinic.toBuilder().setName("clinic" + FORGE));
    Files.write(genesis, Genesis.toJson(g.build()));

    CliRun r = CliRun.of("chain", "show", "--data", data.toString(), "--height", "1",
        "--genesis", genesis.toString());

    assertEquals(0, r.exit(), r::describe);
    for (int i = 0; i < r.out().length(); i++) {
      char c = r.out().charAt(i);
      assertTrue(c == '\n' || (c >= 0x20 && c < 0x7f),
          () -> "not printable ASCII in the output: " + r.out());
    }
    assertTrue(r.out().contains("schema service-member/v1\\u001b[2K\\u000d    9 record_regis"),
        r.out());
    assertTrue(r.out().contains("block 1 of chain test-chain\\u001b]0;owned\\u0007"), r.out());
    assertTrue(r.out().contains("ML-DSA-65\\u001b[2K\\u000d"), r.out());
    assertTrue(r.out().contains("treatment\\u000a"), r.out());
    assertTrue(r.out().contains("stark\\u009b2K eligibility\\u2028forged claim"), r.out());
    assertTrue(r.out().contains("clinic\\u001b[2K"), r.out());
    List<String> lines = r.out().lines().toList();
    List<String> txLines = lines.subList(lines.indexOf("  transactions") + 1, lines.size());
    assertEquals(5, txLines.size(), r.out());
    for (int i = 0; i < txLines.size(); i++) {
      assertTrue(txLines.get(i).startsWith(String.format("    %3d ", i)), r.out());
    }
  }

  @Test
  void show_everyPayloadKind_oneLineEach_stringsEscaped(@TempDir Path dir) throws Exception {
    TestChain chain = new TestChain(1);
    Path data = dir.resolve("data");
    try (Ledger l = chain.open(data)) {
      chain.fill(l, 2);
    }
    List<byte[]> payloads = new ArrayList<>();
    for (StoredBlock b : ChainFiles.records(data)) {
      payloads.add(b.payload());
    }
    Block b = Block.parseFrom(payloads.get(1));
    ByteString any = b.getTransactions(0);
    ByteString c32 = ByteString.copyFrom(new byte[32]);
    ByteString id16 = ByteString.copyFrom(new byte[16]);
    List<UnaryOperator<TransactionBody.Builder>> kinds = List.of(
        t -> t.setAccessDelegation(AccessDelegation.newBuilder().setDelegateKeyId(c32)
            .setAllRecords(true).setNotAfterMillis(Long.MAX_VALUE)),
        t -> t.setAccessDelegation(AccessDelegation.newBuilder().setDelegateKeyId(c32)
            .setRevoke(true)),
        t -> t.setReaderRegistration(ReaderRegistration.newBuilder().setReaderKeyId(c32)
            .setName("clinic" + FORGE).setSigningAlgorithm("ML-DSA-65").setJurisdiction("US\n")
            .addRoles("physician").addRoles("nurse\u001b[31m")),
        t -> t.setRecordCustody(RecordCustody.newBuilder().setRecordCommitment(c32)
            .setCustodianKeyId(c32).setResidency("DE" + FORGE)),
        t -> t.setConsentDirective(ConsentDirective.newBuilder().setConsent(Consent.newBuilder()
            .setRecordCommitment(c32).setConsentId(id16).setSequence(2)
            .setDecision(Consent.Decision.DENY).addPurposes("TREAT" + FORGE)
            .setNotAfterMillis(Long.MIN_VALUE).build().toByteString())
            .setSignerAlgorithm("ML-DSA-65\r")),
        t -> t.setConsentDirective(ConsentDirective.newBuilder()
            .setConsent(ByteString.copyFrom(new byte[] {(byte) 0xff, 1, 2}))),
        t -> t.setCustodianAccess(CustodianAccess.newBuilder()
            .setOutcome(CustodianAccess.Outcome.DENIED).setReaderKeyId(c32).setPurpose("TREAT")
            .setDenial("NO_GRANT" + FORGE).setDetail("line\nbreak").setSuppressedDenials(3)),
        t -> t.setCustodianAccess(CustodianAccess.newBuilder()
            .setOutcome(CustodianAccess.Outcome.BREAK_GLASS).setReaderKeyId(c32)
            .setRecordCommitment(c32).setBreakGlassRole("emergency\u0007")),
        t -> t.setCustodianAccess(CustodianAccess.newBuilder().setOutcomeValue(99)),
        t -> t.setBreakGlassReview(BreakGlassReview.newBuilder().setEventTransactionId(c32)
            .setFinding("justified" + FORGE)),
        t -> t.setRecordPurge(RecordPurge.newBuilder().setRecordCommitment(c32)),
        t -> t.setValidatorSetUpdate(ValidatorSetUpdate.newBuilder().setChange(
            ValidatorChange.newBuilder().setKind(ValidatorChange.Kind.ADD).setSetVersion(0)
                .setValidator(Member.newBuilder().setName("v9" + FORGE))
                .setPeerAddress("10.0.0.9:7000\u001b").build().toByteString())),
        t -> t.setValidatorSetUpdate(ValidatorSetUpdate.newBuilder()
            .setChange(ByteString.copyFrom(new byte[] {7}))),
        TransactionBody.Builder::clearPayload);
    Block.Builder forged = b.toBuilder().clearTransactions();
    for (UnaryOperator<TransactionBody.Builder> k : kinds) {
      forged.addTransactions(edit(any, k));
    }
    payloads.set(1, forged.build().toByteArray());
    ChainFiles.rewrite(data, payloads);

    CliRun r = CliRun.of("chain", "show", "--data", data.toString(), "--height", "1");

    assertEquals(0, r.exit(), r::describe);
    for (int i = 0; i < r.out().length(); i++) {
      char c = r.out().charAt(i);
      assertTrue(c == '\n' || (c >= 0x20 && c < 0x7f),
          () -> "not printable ASCII in the output: " + r.out());
    }
    List<String> lines = r.out().lines().toList();
    List<String> tx = lines.subList(lines.indexOf("  transactions") + 1, lines.size());
    assertEquals(kinds.size(), tx.size(), r.out());
    String[] expected = {
        "access_delegation    ", "delegate to unknown key 0000000000000000.. all records, until",
        "access_delegation    ", "revoke the delegation to unknown key",
        "reader_registration  ", "reader clinic\\u001b[2K\\u000d    9 record_registration",
        "reader_registration  ", "jurisdiction US\\u000a, roles [physician, nurse\\u001b[31m]",
        "record_custody       ", "residency DE\\u001b[2K",
        "consent_directive    ", "deny record 0000000000000000.. for [TREAT\\u001b[2K",
        "consent_directive    ", "signed ML-DSA-65\\u000d",
        "consent_directive    ", "3 bytes that are no Consent",
        "custodian_access     ", "denied: reader 0000000000000000.., record none, TREAT,"
            + " NO_GRANT\\u001b[2K",
        "custodian_access     ", "(line\\u000abreak), 3 denials not logged before it",
        "custodian_access     ", "break_glass: reader",
        "custodian_access     ", "as emergency\\u0007",
        "custodian_access     ", "unrecognized: reader",
        "break_glass_review   ", ": justified\\u001b[2K",
        "record_purge         ", "purge record 0000000000000000..",
        "validator_set_update ", "add validator v9\\u001b[2K",
        "validator_set_update ", "peer 10.0.0.9:7000\\u001b), certified by 0 signatures",
        "validator_set_update ", "bytes that are no ValidatorChange",
        "payload_not_set      ", "(no payload)"};
    int[] line = {0, 1, 2, 2, 3, 4, 4, 5, 6, 6, 7, 7, 8, 9, 10, 11, 11, 12, 13};
    for (int i = 0; i < line.length; i++) {
      String l = tx.get(line[i]);
      assertTrue(l.startsWith(String.format("    %3d %-20s by ", line[i],
          expected[2 * i].strip())), l);
      String part = expected[2 * i + 1];
      assertTrue(l.contains(part), () -> l + "\n lacks " + part);
    }
  }

  /** Transaction bytes with the body edited (its signature left as it was). */
  private static ByteString edit(ByteString txBytes, UnaryOperator<TransactionBody.Builder> f)
      throws Exception {
    Transaction t = Transaction.parseFrom(txBytes);
    TransactionBody body = TransactionBody.parseFrom(t.getBody());
    return t.toBuilder().setBody(f.apply(body.toBuilder()).build().toByteString()).build()
        .toByteString();
  }
}
