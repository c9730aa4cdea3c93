package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.replication.proto.Command;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.statemachine.TransactionContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replicated log entries and client commands (replication.proto's {@code Command}) through
 * validator v3's state machine, as Ratis drives it: the first input byte picks the leader's
 * check before an entry is appended ({@code startTransaction}, even) or the apply of a committed
 * entry on every node ({@code applyTransaction}, odd); the rest is the entry. The leader's check
 * refuses with its own {@code Refusal} (one line) and never throws; an apply completes, or fails
 * deterministically with {@link InvalidProtocolBufferException} or {@link
 * BlockRejectedException}, and never throws (a throw stops the node: only its own disk may do
 * that). What is accepted is real: a block appended is the block 1 v1 sealed, a transaction the
 * leader admits is the authority's registration. Seeds from {@link ReplicationSeeds}: block 1
 * carrying block 0's certificate, v3's vote for block 0, the registration, each on both paths.
 */
class CommandFuzzTest {
  private static ReplicationFuzzFixture.Node node;
  private static Path root;
  private static int uses;
  private static final byte[] BLOCK_1 = ReplicationFuzzFixture.resource("block-1.bin");
  private static Set<ByteBuffer> realTransactions;

  static synchronized ReplicationFuzzFixture.Node node(boolean dirty) throws Exception {
    if (node != null && (dirty || ++uses > 500 || node.sm.poolSize() > 64)) {
      node.close();
      ReplicationFuzzFixture.delete(node.dir);
      node = null;
    }
    if (node == null) {
      if (root == null) {
        root = ReplicationFuzzFixture.scratchRoot("fuzz-command");
      }
      node = ReplicationFuzzFixture.get().node(Files.createTempDirectory(root, "node"));
      uses = 0;
      byte[] reg = ReplicationFuzzFixture.resource("registration.tx");
      realTransactions = Set.of(ByteBuffer.wrap(node.rules.transactionId(
          Transaction.parseFrom(reg).getBody().toByteArray())));
    }
    return node;
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (node != null) {
      node.close();
      node = null;
    }
    if (root != null) {
      ReplicationFuzzFixture.delete(root);
      root = null;
    }
  }

  @FuzzTest
  @Timeout(30)
  void command(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    ReplicationFuzzFixture.Node n = node(false);
    byte[] entry = Arrays.copyOfRange(input, 1, input.length);
    long height = n.ledger.height();
    boolean dirty = false;
    if ((input[0] & 1) == 0) {
      TransactionContext t = n.start(entry);
      Exception refused = t.getException();
      if (refused != null) {
        assertTrue(refused instanceof LedgerStateMachine.Refusal, refused.toString());
        oneLine(refused.getMessage());
      } else {
        dirty = admittedIsReal(n, entry);
      }
    } else {
      CompletableFuture<Message> applied = n.apply(entry);
      try {
        oneLine(applied.get().getContent().toStringUtf8());
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        assertTrue(c instanceof InvalidProtocolBufferException
            || c instanceof BlockRejectedException, "apply failed with " + c);
        oneLine(c.getMessage());
      }
    }
    if (n.ledger.height() != height) {
      assertArrayEquals(BLOCK_1, n.ledger.blockBytes(1), "a block nobody sealed was appended");
      dirty = true;
    }
    if (dirty) {
      node(true);
    }
  }

  /**
   * The seeds do what they are there for (they stop once the fixture drifts from the rules):
   * block 1 is appended, the registration and every certified validator-set change admitted.
   */
  @Test
  void seeds_areAcceptedByAFreshNode() throws Exception {
    ReplicationFuzzFixture f = ReplicationFuzzFixture.get();
    Path d = Files.createTempDirectory("pqzk-fuzz-seeds");
    try {
      seedsAccepted(f, d);
    } finally {
      ReplicationFuzzFixture.delete(d);
    }
  }

  private static void seedsAccepted(ReplicationFuzzFixture f, Path d) throws Exception {
    try (ReplicationFuzzFixture.Node n = f.node(d.resolve("a"))) {
      n.apply(ReplicationSeeds.proposal(BLOCK_1)).get();
      assertEquals(1, n.ledger.height());
    }
    String m = "../MembershipFuzzTestInputs/admit/";
    for (String s : new String[] {m + "add-v4", m + "rotate-v3", m + "remove-v2",
        "registration.tx"}) {
      try (ReplicationFuzzFixture.Node n = f.node(Files.createTempDirectory(d, "n"))) {
        TransactionContext t = n.start(Command.newBuilder().setTransaction(
            com.google.protobuf.ByteString.copyFrom(ReplicationFuzzFixture.resource(s))).build()
            .toByteArray());
        assertNull(t.getException(), s);
      }
    }
  }

  /**
   * CommandFuzzTest's finding (reproducer {@code finding-old-height-other-bytes}): a committed
   * proposal for a height the node already holds, with other bytes, threw IllegalStateException
   * out of the apply, which stops the node. Such an entry is in the log whenever two proposals
   * for one height were committed and the second refused, and the log replays after every
   * restart; a leader could also put one there on purpose. It is now refused like any bad
   * proposal, and the node goes on.
   */
  @Test
  void proposalForAHeldHeightWithOtherBytes_isRefused_andTheNodeGoesOn() throws Exception {
    ReplicationFuzzFixture f = ReplicationFuzzFixture.get();
    Path d = Files.createTempDirectory("pqzk-fuzz-held");
    try (ReplicationFuzzFixture.Node n = f.node(d.resolve("a"))) {
      n.apply(ReplicationSeeds.proposal(BLOCK_1)).get();
      byte[] other = io.pqzk.ledger.proto.Block.parseFrom(BLOCK_1).toBuilder()
          .addTransactions(com.google.protobuf.ByteString.copyFromUtf8("other")).build()
          .toByteArray();
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
          ExecutionException.class, () -> n.apply(ReplicationSeeds.proposal(other)).get());
      assertTrue(e.getCause() instanceof BlockRejectedException, e.getCause().toString());
      assertTrue(e.getCause().getMessage().contains("already holds"), e.getCause().getMessage());
      assertEquals(1, n.ledger.height());
      assertArrayEquals(BLOCK_1, n.ledger.blockBytes(1));
      // the same block again (a replay after a restart) is still taken as the one it holds
      n.apply(ReplicationSeeds.proposal(BLOCK_1)).get();
      assertEquals(1, n.ledger.height());
    } finally {
      ReplicationFuzzFixture.delete(d);
    }
  }

  /**
   * CommandFuzzTest's finding (reproducer {@code finding-forged-transaction-pooled-from-the-log}):
   * a forged transaction that reached the pool through a log entry (a committed entry is pooled
   * unchecked; the proposer checks it before sealing) was vouched for by the leader when
   * submitted again: "a client retrying" was answered by transaction id alone, so the forgery
   * got the leader's acceptance and a second log entry. And a genuine pending transaction
   * submitted again with another signature put those bytes into the log.
   */
  @Test
  void resubmissions_areAcceptedOnlyAsTheBytesCheckedHere() throws Exception {
    ReplicationFuzzFixture f = ReplicationFuzzFixture.get();
    Path d = Files.createTempDirectory("pqzk-fuzz-resubmit");
    byte[] genuine = ReplicationFuzzFixture.resource("registration.tx");
    Transaction t = Transaction.parseFrom(genuine);
    byte[] sig = t.getSignature().getSignature().toByteArray();
    sig[sig.length / 2] ^= 1;
    byte[] forged = t.toBuilder().setSignature(t.getSignature().toBuilder().setSignature(
        com.google.protobuf.ByteString.copyFrom(sig))).build().toByteArray();
    try {
      try (ReplicationFuzzFixture.Node n = f.node(d.resolve("a"))) {
        n.apply(txCommand(forged)).get(); // pooled from the log, unchecked
        TransactionContext again = n.start(txCommand(forged));
        assertTrue(again.getException() instanceof LedgerStateMachine.Refusal,
            "the leader vouched for a forged transaction: " + again.getException());
        assertTrue(again.getException().getMessage().contains("does not verify"),
            again.getException().getMessage());
      }
      try (ReplicationFuzzFixture.Node n = f.node(d.resolve("b"))) {
        assertNull(n.start(txCommand(genuine)).getException());
        assertNull(n.start(txCommand(genuine)).getException(), "a client retrying");
        TransactionContext other = n.start(txCommand(forged));
        assertTrue(other.getException() instanceof LedgerStateMachine.Refusal,
            "other bytes of a pending transaction went into the log");
        assertTrue(other.getException().getMessage().contains("already pending with other"
            + " bytes"), other.getException().getMessage());
      }
    } finally {
      ReplicationFuzzFixture.delete(d);
    }
  }

  private static byte[] txCommand(byte[] transaction) {
    return Command.newBuilder().setTransaction(com.google.protobuf.ByteString.copyFrom(
        transaction)).build().toByteArray();
  }

  /** A command the leader lets into the log: a proposal is never one, a transaction is real. */
  private static boolean admittedIsReal(ReplicationFuzzFixture.Node n, byte[] entry)
      throws Exception {
    Command c = Command.parseFrom(entry);
    if (c.getKindCase() == Command.KindCase.TRANSACTION) {
      byte[] id = n.rules.transactionId(Transaction.parseFrom(c.getTransaction()).getBody()
          .toByteArray());
      assertTrue(realTransactions.contains(ByteBuffer.wrap(id)),
          "the leader admitted a transaction nobody signed");
      return true;
    }
    assertTrue(c.getKindCase() == Command.KindCase.VOTE, "the leader let in " + c.getKindCase());
    return false;
  }

  static void oneLine(String m) {
    assertTrue(m != null && !m.isBlank() && m.indexOf('\n') < 0 && m.indexOf('\r') < 0,
        "not one line: " + m);
  }
}
