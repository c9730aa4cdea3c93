package io.pqzk.cli.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.cli.CliRun;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;
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

  /** Transaction bytes with the body edited (its signature left as it was). */
  private static ByteString edit(ByteString txBytes, UnaryOperator<TransactionBody.Builder> f)
      throws Exception {
    Transaction t = Transaction.parseFrom(txBytes);
    TransactionBody body = TransactionBody.parseFrom(t.getBody());
    return t.toBuilder().setBody(f.apply(body.toBuilder()).build().toByteString()).build()
        .toByteString();
  }
}
