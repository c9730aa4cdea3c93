package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.ClaimContexts;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.proto.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One four-node network, four faults: a client without the network's certificate is refused in
 * the TLS handshake; a transaction with a bad signature, and a claim with a bad proof, are
 * refused to the client and reach no node's log; a wiped node rejoins through a snapshot and
 * ends with byte-identical block files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkFaultsTest {
  @TempDir
  static Path dir;
  TestNetwork net;

  @BeforeAll
  void start() throws Exception {
    net = new TestNetwork(dir, 4, 64); // frequent snapshots: the log before them is purged
    net.startAll();
    net.leader(net.all(), 180);
    try (LedgerClient c = net.client(0)) {
      c.submit(net.registration(), 120); // block 0, whose registry roots a claim can name
    }
  }

  @AfterAll
  void stop() throws Exception {
    net.close();
  }

  @Test
  @Order(1)
  void clientWithoutTheNetworksCertificate_isRefusedInTheHandshake() throws Exception {
    Certificates.Authority other = Certificates.newAuthority(dir.resolve("other-ca"), "another");
    Tls foreign = Certificates.issue(other, dir.resolve("other-client"), "intruder", List.of());
    // it trusts the network's CA, so only the server can object: to the client's certificate
    Tls intruder = new Tls(net.clientTls.ca(), foreign.certificate(), foreign.privateKey());
    try (LedgerClient c = LedgerClient.connect("127.0.0.1:" + net.apiPorts.get(1), intruder)) {
      NodeUnavailableException e = assertThrows(NodeUnavailableException.class,
          () -> c.status(20));
      assertTrue(e.getMessage().contains("UNAVAILABLE"), e.getMessage());
    }
    // and the network's own client still gets in
    assertEquals(net.genesis.chainId(), net.status(1).getChainId());
  }

  @Test
  @Order(2)
  void badSignature_isRefusedToTheClient_andReachesNoLog() throws Exception {
    Transaction t = Transaction.parseFrom(net.registration());
    byte[] sig = t.getSignature().getSignature().toByteArray();
    sig[100] ^= 1;
    byte[] bad = t.toBuilder().setSignature(t.getSignature().toBuilder()
        .setSignature(ByteString.copyFrom(sig))).build().toByteArray();
    try (LedgerClient c = net.client(2)) { // a follower or the leader: either forwards
      TransactionRefusedException e = assertThrows(TransactionRefusedException.class,
          () -> c.submit(bad, 60));
      assertTrue(e.reason().contains("signature does not verify"), e.reason());
    }
    assertInNoLog(java.util.Arrays.copyOfRange(sig, 90, 160));
  }

  @Test
  @Order(3)
  void badProof_isRefusedToTheClient_andReachesNoLog() throws Exception {
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);
    byte[] proof = new byte[4096];
    new SecureRandom().nextBytes(proof);
    byte[] claim = net.txs.claim(net.authority, Claim.newBuilder().setRootHeight(0)
        .setPolicy("fitness>=70").setContext(ByteString.copyFrom(ClaimContexts.of(
            net.genesis.chainId(), 0, net.authority.publicKey().keyId(), nonce)))
        .setProof(ProofAttachment.newBuilder().setSystem("stark").setClaim("eligibility")
            .setProof(ByteString.copyFrom(proof))).build());
    try (LedgerClient c = net.client(3)) {
      TransactionRefusedException e = assertThrows(TransactionRefusedException.class,
          () -> c.submit(claim, 60));
      assertTrue(e.reason().contains("claim proof rejected"), e.reason());
    }
    assertInNoLog(java.util.Arrays.copyOfRange(proof, 1000, 1064));
  }

  private void assertInNoLog(byte[] needle) throws Exception {
    for (int i = 0; i < net.size; i++) {
      try (var files = Files.walk(net.nodeDir(i).resolve("data"))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertFalse(contains(Files.readAllBytes(f), needle), "found in " + f);
        }
      }
    }
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  @Order(4)
  void wipedNode_rejoinsThroughASnapshot_andEndsByteIdentical() throws Exception {
    int leader = net.leader(net.all(), 120);
    int victim = (leader + 1) % net.size;
    net.stop(victim);
    net.wipe(victim);
    submit(300, leader); // several snapshots later the log it would need is purged
    net.start(victim);
    net.awaitAll(net.all(), "the wiped node caught up", 300, s -> s.getFinalizedHeight()
        == s.getHeight() && s.getHeight() == net.status(leader).getHeight());
    submit(20, leader);
    net.awaitAll(net.all(), "every node final at one head", 120, s ->
        s.getFinalizedHeight() == s.getHeight()
            && s.getHeight() == net.status(leader).getHeight());
    String log = Files.readString(net.nodeDir(victim).resolve("node.log"));
    assertTrue(log.contains("loaded snapshot"), "the wiped node installed a snapshot");
    for (int i = 0; i < net.size; i++) {
      net.stop(i);
    }
    List<Path> a = SoakRun.segments(net.ledgerDir(leader));
    List<Path> b = SoakRun.segments(net.ledgerDir(victim));
    assertEquals(a.size(), b.size());
    for (int s = 0; s < a.size(); s++) {
      assertArrayEquals(Files.readAllBytes(a.get(s)), Files.readAllBytes(b.get(s)));
    }
  }

  private void submit(int n, int node) throws Exception {
    try (LedgerClient c = net.client(node)) {
      var pending = new java.util.ArrayList<java.util.concurrent.CompletableFuture<?>>();
      for (int i = 0; i < n; i++) {
        pending.add(c.submitAsync(net.registration(), 120));
      }
      for (var f : pending) {
        f.get();
      }
    }
  }
}
