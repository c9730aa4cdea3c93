package io.pqzk.records.custodian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.store.ChainVerifier;
import io.pqzk.records.RecordsException;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.ReleaseJournalEntry;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.service.CustodianClient;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.service.Pki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custodian process killed with SIGKILL exactly between its access event becoming final and the
 * document leaving: the reader gets nothing; after a restart the chain verifies, the event is on
 * it, the journal shows the release as begun and never done, and every record still decrypts.
 * Then the same custodian is killed at whatever point a stream of reads has reached, three
 * times: every document a reader received has its final event on the chain, and nothing is lost.
 */
class CrashReleaseTest {
  @TempDir Path dir;

  @Test
  void sigkillBetweenEventAndRelease_releasesNothing_losesNothing() throws Exception {
    RecordsFixture f = new RecordsFixture(dir);
    char[] pass = "crash test".toCharArray();
    List<Custodian.Imported> imported;
    try {
      imported = f.importSubjects(900001, 900002);
      for (Custodian.Imported i : imported) {
        f.grant(f.grantId(), "clinic-alpha", "TREAT", f.clock.get() + 1000 * RecordsFixture.HOUR,
            i.commitment());
      }
      f.writeNodeFiles(pass);
    } finally {
      f.close();
    }
    Path passFile = dir.resolve("pass");
    Files.writeString(passFile, new String(pass), StandardCharsets.UTF_8);
    String event;
    try (CustodianProcess p = CustodianProcess.start(f.data(), passFile, dir.resolve("held.log"),
        HoldingNode.class.getName())) {
      var ca = Pki.readCertificate(Pki.certificateFile(NodeLayout.tls(f.data()), NodeLayout.CA));
      CustodianClient alpha = CustodianClient.connect("127.0.0.1", p.port,
          f.r("clinic-alpha").tls(), ca);
      SignedReadRequest asked = f.signed("clinic-alpha", Requests.read(f.genesis.chainId(),
          f.custodianKey.publicKey().keyId(), f.r("clinic-alpha").key(), "900001", "TREAT",
          System.currentTimeMillis()));
      CompletableFuture<ReadResponse> answer = CompletableFuture.supplyAsync(() -> {
        try {
          return alpha.read(asked, Caller.inProcess());
        } catch (RecordsException e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      String line = p.nextLine();
      assertTrue(line != null && line.startsWith("EVENT-FINAL "), line);
      event = line.split(" ")[1];
      p.kill();
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> answer.get(60, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof RecordsException, e.toString()); // the call died with it
      alpha.close();
    }
    verifyChain(f.data());
    f.reopen();
    try {
      List<ReleaseJournalEntry> open = f.custodian.unfinishedReleases();
      assertEquals(1, open.size());
      assertEquals(ReleaseJournalEntry.State.FINAL, open.get(0).getState());
      assertEquals(event, HexFormat.of().formatHex(open.get(0).getEventTransactionId()
          .toByteArray()));
      Audit.Entry onChain = new Audit(f.custodian).event(open.get(0).getEventHeight(),
          open.get(0).getEventTransactionId().toByteArray());
      assertTrue(onChain.checked() && onChain.summary().startsWith("released to 'clinic-alpha'"),
          onChain.summary());
      for (long s : new long[] {900001, 900002}) {
        SignedReadRequest again = f.signed("clinic-alpha", f.request("clinic-alpha", s,
            "TREAT"));
        ReadResponse r = f.custodian.read(again, Caller.inProcess());
        assertArrayEquals(RecordsFixture.document(s, "Person " + s),
            f.open("clinic-alpha", r, again), "nothing lost: record " + s);
      }
    } finally {
      f.close();
    }
    // kill a custodian that is serving a stream of reads, wherever it has got to
    for (int round = 0; round < 3; round++) {
      List<ReadResponse> received = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (CustodianProcess p = CustodianProcess.start(f.data(), passFile,
          dir.resolve("serve-" + round + ".log"), "io.pqzk.records.service.CustodianNode")) {
        var ca = Pki.readCertificate(Pki.certificateFile(NodeLayout.tls(f.data()),
            NodeLayout.CA));
        try (CustodianClient alpha = CustodianClient.connect("127.0.0.1", p.port,
            f.r("clinic-alpha").tls(), ca)) {
          int killAfter = 1 + new java.security.SecureRandom().nextInt(3);
          CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            try {
              for (int i = 0; i < 50; i++) {
                received.add(alpha.read(f.signed("clinic-alpha", Requests.read(
                    f.genesis.chainId(), f.custodianKey.publicKey().keyId(),
                    f.r("clinic-alpha").key(), "900002", "TREAT", System.currentTimeMillis())),
                    Caller.inProcess()));
              }
            } catch (RecordsException e) {
              // the custodian was killed mid-call
            }
          });
          while (received.size() < killAfter && !stream.isDone()) {
            Thread.onSpinWait();
          }
          p.kill();
          stream.get(60, TimeUnit.SECONDS);
        }
      }
      verifyChain(f.data());
      f.reopen();
      try {
        for (ReadResponse r : received) {
          assertTrue(r.hasRelease(), r.toString());
          Audit.Entry e = new Audit(f.custodian).event(r.getRelease().getEventHeight(),
              r.getRelease().getEventTransactionId().toByteArray());
          assertTrue(e.checked() && e.summary().startsWith("released"), e.summary());
        }
        SignedReadRequest again = f.signed("clinic-alpha", f.request("clinic-alpha", 900002,
            "TREAT"));
        assertArrayEquals(RecordsFixture.document(900002, "Person 900002"),
            f.open("clinic-alpha", f.custodian.read(again, Caller.inProcess()), again));
      } finally {
        f.close();
      }
    }
  }

  static void verifyChain(Path data) throws Exception {
    ChainVerifier.Report r = new ChainVerifier(new BlockRules(Genesis.load(data.resolve(
        Genesis.FILE_NAME)))).verify(data, null);
    assertTrue(r.blocks() > 0);
  }
}
