package io.pqzk.cli.demo;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.ConsentRule;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.PurposeOfUse;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Consent;
import io.pqzk.ledger.proto.ConsentDirective;
import io.pqzk.records.RecordsException;
import io.pqzk.records.custodian.Audit;
import io.pqzk.records.custodian.Caller;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.custodian.Requests;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemException;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.proto.ReadRequest;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.Record;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo's reads, all through the custodian as a reader would make them: a sample of permitted
 * reads by the grantees (each document checked to be exactly the bytes imported), refused ones
 * (a clinic without a grant, a read the patient's consent denies, a clinic abroad that the
 * record's residency does not allow), and one break-glass read by the field hospital's emergency
 * physician, left unreviewed. Every one of them is an access event the custodian signs, final on
 * the chain before any document leaves.
 */
final class DemoReads {
  /** Records whose custody names the demo's patient (who can sign consent for them). */
  static final int PATIENTS = 3;
  private static final int SAMPLE = 48;

  private final Demo demo;
  private final DemoNetwork net;
  private final Custodian custodian;
  private final TransactionFactory txs;
  private final DemoSummary.Builder summary;
  private final Demo.Listener listener;
  private final Map<String, Integer> refused = new TreeMap<>();
  private int released;
  private int identical;
  private int breakGlass;
  private int unreviewed;
  private long shownSubject;
  private long totalMillis;

  DemoReads(Demo demo, DemoNetwork net, Custodian custodian, TransactionFactory txs,
      DemoSummary.Builder summary, Demo.Listener listener) {
    this.demo = demo;
    this.net = net;
    this.custodian = custodian;
    this.txs = txs;
    this.summary = summary;
    this.listener = listener;
  }

  private static long subject(Record r) {
    return r.get(Attribute.SUBJECT_ID);
  }

  /** A read as asked and as answered. */
  private record Asked(SignedReadRequest request, ReadResponse response) {}

  void run(List<Record> records, List<byte[]> documents, List<byte[]> commitments,
      long notAfter) throws LedgerException, IOException, RecordsException {
    int n = records.size();
    int shown = n >= 3 ? 2 : 0;
    shownSubject = subject(records.get(shown));
    if (n >= 3) {
      listener.phase("the patient of record 1 denies clinic-alpha TREAT: a consent directive"
          + " signed by the patient, relayed by the authority");
      demo.commit(List.of(denyConsent(commitments.get(1))));
    }
    listener.phase("custodian reads: each checked at the finalized height (grant, purpose,"
        + " consent, residency), its access event signed by the custodian and final before the"
        + " document leaves, sealed with HPKE X-Wing to the reader");
    long t0 = System.nanoTime();
    List<Integer> sample = new ArrayList<>();
    for (int j = 0; j < n && sample.size() < SAMPLE; j++) {
      if (j != 1 || n < 3) {
        sample.add(j);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Asked>> out = new ArrayList<>();
      for (int j : sample) {
        int reader = (j / 10) % DemoNetwork.READERS.size();
        out.add(pool.submit(() -> read(net.readers.get(reader), subject(records.get(j)),
            PurposeOfUse.TREAT, null)));
      }
      for (int k = 0; k < out.size(); k++) {
        Asked a = out.get(k).get();
        ReadResponse r = a.response();
        int j = sample.get(k);
        int reader = (j / 10) % DemoNetwork.READERS.size();
        if (r.hasRelease()) {
          released++;
          byte[] d = open(net.readerKems.get(reader), a, net.readers.get(reader));
          if (d != null && Arrays.equals(d, documents.get(j))) {
            identical++;
          }
          if (d != null) {
            Arrays.fill(d, (byte) 0);
          }
        } else {
          refused.merge(r.getRefusal().getDenial(), 1, Integer::sum);
        }
        listener.progress(k + 1, out.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException("interrupted while reading", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new LedgerException("a demo read failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
    // refused reads, each an event on the chain
    count(read(net.readers.get(1), shownSubject, PurposeOfUse.TREAT, null).response());
    if (n >= 3) {
      count(read(net.readers.get(0), subject(records.get(1)), PurposeOfUse.TREAT, null)
          .response());
    }
    byte[] abroadGrant = txs.newGrantId();
    demo.commit(List.of(txs.updateAccess(net.authority, AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(abroadGrant))
        .setGranteeKeyId(ByteString.copyFrom(net.abroad.publicKey().keyId()))
        .setPurpose(PurposeOfUse.TREAT).setNotAfterMillis(notAfter)
        .addRecordCommitments(ByteString.copyFrom(commitments.get(0))).build())));
    count(read(net.abroad, subject(records.get(0)), PurposeOfUse.TREAT, null).response());
    // break-glass by the field hospital's emergency physician
    ReadResponse glass = read(net.readers.get(2), subject(records.get(n - 1)),
        PurposeOfUse.ETREAT, "mass-casualty triage: patient unresponsive, history needed")
        .response();
    if (glass.hasRelease()) {
      breakGlass++;
    } else {
      refused.merge(glass.getRefusal().getDenial(), 1, Integer::sum);
    }
    unreviewed = new Audit(custodian).unreviewed().size();
    totalMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  private void count(ReadResponse r) {
    if (r.hasRelease()) {
      released++;
    } else {
      refused.merge(r.getRefusal().getDenial(), 1, Integer::sum);
    }
  }

  private byte[] denyConsent(byte[] record) {
    byte[] cid = new byte[16];
    new SecureRandom().nextBytes(cid);
    long now = System.currentTimeMillis();
    Consent c = Consent.newBuilder().setRecordCommitment(ByteString.copyFrom(record))
        .setConsentId(ByteString.copyFrom(cid)).setSequence(1)
        .setDecision(Consent.Decision.DENY).addPurposes(PurposeOfUse.TREAT)
        .addReaderKeyIds(ByteString.copyFrom(net.readers.get(0).publicKey().keyId()))
        .setNotBeforeMillis(now - 60_000).setNotAfterMillis(now + 365L * 24 * 3600 * 1000)
        .build();
    byte[] bytes = c.toByteArray();
    return txs.sign(net.authority, txs.body(net.authority).setConsentDirective(
        ConsentDirective.newBuilder().setConsent(ByteString.copyFrom(bytes))
            .setSignerAlgorithm(net.patient.algorithm())
            .setSignerSpki(ByteString.copyFrom(net.patient.publicKey().spki()))
            .setSignature(ByteString.copyFrom(Signatures.sign(net.patient, bytes,
                Hashes.context(ConsentRule.CTX_CONSENT, summary.chainId))))));
  }

  private Asked read(LedgerSigningKey reader, long subject, String purpose, String reason)
      throws RecordsException {
    ReadRequest.Builder b = Requests.read(summary.chainId, net.custodian.publicKey().keyId(),
        reader, Long.toString(subject), purpose, System.currentTimeMillis());
    if (reason != null) {
      b.setBreakGlassReason(reason);
    }
    SignedReadRequest s = Requests.sign(reader, b.build());
    return new Asked(s, custodian.read(s, Caller.inProcess()));
  }

  /** The released document, opened with the reader's X-Wing key, or null if it does not open. */
  private byte[] open(KemPrivateKey kem, Asked a, LedgerSigningKey reader) {
    var rel = a.response().getRelease();
    try {
      return Hpke.open(kem, new Hpke.Sealed(rel.getHpkeEnc().toByteArray(),
          rel.getHpkeCiphertext().toByteArray()), Requests.releaseInfo(summary.chainId,
          rel.getRecordCommitment().toByteArray(), rel.getEventTransactionId().toByteArray()),
          Requests.digest(summary.chainId, reader.publicKey().keyId(), a.request()));
    } catch (KemException e) {
      return null;
    }
  }

  /** The records part of the summary, and the three commands to run next. */
  List<String> lines(Path data) {
    List<String> out = new ArrayList<>();
    int refusedTotal = refused.values().stream().mapToInt(Integer::intValue).sum();
    out.add(String.format("records: %d documents encrypted in the vault of custodian '%s' (US),"
        + " none of their content on the chain (only commitments and custody); readers"
        + " registered by authority transactions", summary.imported, DemoNetwork.CUSTODIAN));
    out.add(String.format("access events: every one written by the custodian through a"
        + " custodian read: %d released (%d checked identical to the imported document after"
        + " HPKE X-Wing), %d refused and recorded %s, %d break-glass (%d unreviewed); %.0f ms"
        + " per read including the event's commit", released, identical, refusedTotal, refused,
        breakGlass, unreviewed, released + refusedTotal + breakGlass == 0 ? 0.0
            : (double) totalMillis / (released + refusedTotal + breakGlass)));
    String d = data.toString();
    String pass = " --passphrase-file " + NodeLayout.keys(data).resolve(
        NodeLayout.DEMO_PASSPHRASE);
    out.add("");
    out.add("next, from the repository root (each opens this directory's ledger and vault in"
        + " the command's own process, a demo shortcut; ledger-adapter/records/README.md shows"
        + " the served way, pqzk records serve):");
    out.add("  # permitted (exit 0): prints the document, after its access event is final");
    out.add("  ./pqzk records read --data " + d + " --subject " + shownSubject + " --as "
        + NodeLayout.keys(data).resolve("clinic-alpha") + " --purpose TREAT" + pass);
    out.add("  # refused (exit 1): clinic-bravo holds no grant; the denial is an event too");
    out.add("  ./pqzk records read --data " + d + " --subject " + shownSubject + " --as "
        + NodeLayout.keys(data).resolve("clinic-bravo") + " --purpose TREAT" + pass);
    out.add("  # every event of that record, each checked against the chain");
    out.add("  ./pqzk audit --data " + d + " --subject " + shownSubject + pass);
    return out;
  }
}
