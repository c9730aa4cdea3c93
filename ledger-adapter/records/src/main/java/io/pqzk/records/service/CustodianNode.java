package io.pqzk.records.service;

import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.custodian.EmbeddedLedger;
import io.pqzk.records.custodian.ReleaseHook;
import io.pqzk.records.kem.KemPrivateKey;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A custodian over the embedded engine of a ledger data directory laid out as {@link NodeLayout}
 * says: this process holds every validator key found under {@code keys/} (the demo's model; a
 * replicated network would have the custodian submit to its nodes instead) and the custodian's own
 * ML-DSA and X-Wing keys. {@link #serve} puts it behind mutual TLS. {@link #main} is what {@code
 * pqzk records serve} runs, as a process of its own.
 */
public final class CustodianNode implements Closeable {
  private final EmbeddedLedger ledger;
  private final Custodian custodian;

  private CustodianNode(EmbeddedLedger ledger, Custodian custodian) {
    this.ledger = ledger;
    this.custodian = custodian;
  }

  /**
   * Opens the ledger in {@code data} and the custodian {@code name} (null: the genesis's first),
   * with every key decrypted under {@code passphrase}.
   */
  public static CustodianNode open(Path data, String name, char[] passphrase, ReleaseHook hook)
      throws RecordsException, LedgerException, IOException {
    Genesis g;
    try {
      g = Genesis.load(data.resolve(Genesis.FILE_NAME));
    } catch (MalformedInputException e) {
      throw new InvalidRecordInputException(e.getMessage(), e);
    }
    Genesis.CustodianInfo info = custodianOf(g, name);
    Path keys = NodeLayout.keys(data);
    List<ProposerKeys> proposers = new ArrayList<>();
    for (Genesis.Validator v : g.validators()) {
      proposers.add(new ProposerKeys(v.name(),
          KeyDirectory.signing(keys, v.name(), v.mlDsa().algorithm(), passphrase),
          KeyDirectory.signing(keys, v.name(), v.slhDsa().algorithm(), passphrase)));
    }
    LedgerSigningKey signing = KeyDirectory.signing(keys, info.name(), info.key().algorithm(),
        passphrase);
    KemPrivateKey kem = KeyDirectory.kem(keys, info.name(), passphrase);
    EmbeddedLedger ledger = EmbeddedLedger.open(data, proposers,
        r -> new CommitSigner(r, proposers.stream().map(ProposerKeys::mlDsa).toList()));
    try {
      Custodian c = Custodian.open(Custodian.Options.of(NodeLayout.custodian(data), signing, kem)
          .withHook(hook), ledger);
      return new CustodianNode(ledger, c);
    } catch (RecordsException | LedgerException | RuntimeException e) {
      ledger.close();
      throw e;
    }
  }

  /** The custodian called {@code name}, or the genesis's first when null. */
  public static Genesis.CustodianInfo custodianOf(Genesis g, String name)
      throws InvalidRecordInputException {
    for (Genesis.CustodianInfo c : g.custodians()) {
      if (name == null || c.name().equals(name)) {
        return c;
      }
    }
    throw new InvalidRecordInputException(name == null ? "the genesis names no custodian"
        : "the genesis names no custodian '" + name + "' (it has "
            + g.custodians().stream().map(Genesis.CustodianInfo::name).toList() + ")");
  }

  public Custodian custodian() {
    return custodian;
  }

  public EmbeddedLedger ledger() {
    return ledger;
  }

  /**
   * Serves the custodian over mutual TLS with its certificate from {@code tls} ({@code
   * NAME.crt.pem}, {@code NAME.tls.key}), trusting the CA there ({@code ca.crt.pem}).
   */
  public CustodianServer serve(Path tls, String host, int port, char[] passphrase,
      Consumer<String> log) throws RecordsException, IOException {
    String name = custodian.info().name();
    return CustodianServer.start(custodian, host, port, Pki.read(tls, name, passphrase),
        Pki.readCertificate(Pki.certificateFile(tls, NodeLayout.CA)), log);
  }

  @Override
  public void close() throws IOException {
    try {
      custodian.close();
    } finally {
      ledger.close();
    }
  }

  /**
   * {@code CustodianNode DATA PASSPHRASE_FILE HOST PORT [CUSTODIAN]}: serves until killed,
   * printing {@code listening on HOST:PORT} once it accepts connections, and one line per call on
   * standard error.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: CustodianNode DATA PASSPHRASE_FILE HOST PORT [CUSTODIAN]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    char[] pass = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).strip()
        .toCharArray();
    try (CustodianNode node = open(data, args.length > 4 ? args[4] : null, pass,
        ReleaseHook.NONE);
        CustodianServer server = node.serve(NodeLayout.tls(data), args[2],
            Integer.parseInt(args[3]), pass, line -> System.err.println("pqzk custodian: "
                + line))) {
      Arrays.fill(pass, '\0');
      System.out.println("listening on " + args[2] + ":" + server.port());
      System.out.flush();
      server.awaitTermination();
    }
  }
}
