package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.ValidatorSetRule;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.ValidatorChange;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.Statement;
import io.pqzk.replication.proto.GetStatusReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator added by a certified transaction: the new set applies from the next height, the
 * replication configuration follows it, and the new node, started to join, catches up and ends
 * with the same block files.
 */
class MembershipTest {
  @Test
  void addedValidator_joinsTheReplication_andCatchesUp(@TempDir Path dir) throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 3, 1024, 1)) {
      net.startAll();
      int leader = net.leader(net.all(), 180);
      long at;
      try (LedgerClient c = net.client(leader)) {
        c.submit(net.registration(), 120);
        ProposerKeys n3 = net.keys.get(3);
        byte[] change = ValidatorChange.newBuilder().setKind(ValidatorChange.Kind.ADD)
            .setSetVersion(0).setPeerAddress("127.0.0.1:" + net.raftPorts.get(3))
            .setValidator(Member.newBuilder().setName("n3")
                .addKeys(Genesis.keyEntry(n3.mlDsa().publicKey()))
                .addKeys(Genesis.keyEntry(n3.slhDsa().publicKey()))).build().toByteArray();
        Statement s = ValidatorSetRule.statement(TestNetwork.CHAIN, 0, change);
        List<CertificateSignature> sigs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          sigs.add(QuorumCertificates.sign(i, net.keys.get(i).mlDsa(), null, s));
        }
        at = c.submit(net.txs.changeValidators(net.authority, change,
            QuorumCertificates.assemble(s, sigs)), 120).getHeight();
        System.out.println("membership: n3 added at height " + at);
      }
      net.start(3);
      List<Integer> four = List.of(0, 1, 2, 3);
      net.awaitAll(List.of(leader), "the replication configuration has four peers", 180,
          st -> st.getPeersCount() == 4 && st.getValidatorSetVersion() == 1);
      // the new node's API answers once it has started; it forwards once it knows the leader
      net.awaitAll(List.of(3), "n3 serves, past the change, knowing the leader", 180,
          st -> st.getHeight() >= at && !st.getLeaderId().isEmpty());
      try (LedgerClient c = net.client(3)) { // the new node forwards to the leader
        for (int i = 0; i < 5; i++) {
          c.submit(net.registration(), 120);
        }
      }
      long[] head = {-1};
      net.awaitAll(four, "four nodes final at one head", 240, st -> {
        GetStatusReply l = net.status(leader);
        head[0] = l == null ? -1 : l.getHeight();
        return st.getHeight() == head[0] && st.getFinalizedHeight() == head[0];
      });
      GetStatusReply s3 = net.status(3);
      assertEquals(1, s3.getValidatorSetVersion());
      assertTrue(s3.getPeersCount() == 4, s3.toString());
      for (int i : four) {
        net.stop(i);
      }
      List<Path> a = SoakRun.segments(net.ledgerDir(0));
      List<Path> b = SoakRun.segments(net.ledgerDir(3));
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)));
      }
    }
  }
}
