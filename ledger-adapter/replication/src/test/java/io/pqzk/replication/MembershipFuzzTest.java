package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.replication.proto.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.ratis.statemachine.TransactionContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Validator-set changes (membership.proto's {@code ValidatorSetUpdate}, transaction payload 30)
 * as a client submits them: the transaction, as a replication command, through the leader's
 * admission (parse, the draft's rules including {@code ValidatorSetRule}, the author's signature
 * and the deferred check of the change's quorum certificate). Refused with the state machine's
 * one-line {@code Refusal}; admitted only if its change is one the set in force certified
 * (another change, set version or chain is never admitted). Seeds: an ADD of v4, a ROTATE of
 * v3's keys and a REMOVE of v2, each certified by v0..v2 for set version 0 ({@link
 * ReplicationSeeds}).
 */
class MembershipFuzzTest {
  private static final String[] CHANGES = {"add-v4", "rotate-v3", "remove-v2"};
  private static ReplicationFuzzFixture.Node node;
  private static Path root;
  private static int uses;
  private static Set<ByteString> certified;

  static synchronized ReplicationFuzzFixture.Node node(boolean dirty) throws Exception {
    if (node != null && (dirty || ++uses > 500)) {
      node.close();
      ReplicationFuzzFixture.delete(node.dir);
      node = null;
    }
    if (node == null) {
      if (root == null) {
        root = ReplicationFuzzFixture.scratchRoot("fuzz-membership");
        certified = new HashSet<>();
        for (String c : CHANGES) {
          certified.add(Transaction.parseFrom(ReplicationFuzzFixture.resource(
              "../MembershipFuzzTestInputs/admit/" + c)).getBody());
        }
      }
      node = ReplicationFuzzFixture.get().node(Files.createTempDirectory(root, "node"));
      uses = 0;
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
  void admit(byte[] input) throws Exception {
    ReplicationFuzzFixture.Node n = node(false);
    TransactionContext t = n.start(Command.newBuilder().setTransaction(ByteString.copyFrom(
        input)).build().toByteArray());
    Exception refused = t.getException();
    if (refused != null) {
      assertTrue(refused instanceof LedgerStateMachine.Refusal, refused.toString());
      CommandFuzzTest.oneLine(refused.getMessage());
      return;
    }
    TransactionBody body = TransactionBody.parseFrom(Transaction.parseFrom(input).getBody());
    if (body.getPayloadCase() == TransactionBody.PayloadCase.VALIDATOR_SET_UPDATE) {
      assertTrue(certifiedChange(body), "admitted a validator-set change nobody certified");
    }
    node(true); // the admission now holds it: later changes would meet another set version
  }

  private static boolean certifiedChange(TransactionBody body) throws Exception {
    ByteString change = body.getValidatorSetUpdate().getChange();
    for (ByteString b : certified) {
      if (TransactionBody.parseFrom(b).getValidatorSetUpdate().getChange().equals(change)) {
        return true;
      }
    }
    return false;
  }
}
