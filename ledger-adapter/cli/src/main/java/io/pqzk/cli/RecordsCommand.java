package io.pqzk.cli;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.proto.RecordPurge;
import io.pqzk.records.RecordsException;
import io.pqzk.records.custodian.Caller;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.custodian.CustodianOperations;
import io.pqzk.records.custodian.Openings;
import io.pqzk.records.custodian.RecordDocument;
import io.pqzk.records.custodian.Requests;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemException;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.proto.Delivery;
import io.pqzk.records.proto.OpeningRequest;
import io.pqzk.records.proto.PurgeRequest;
import io.pqzk.records.proto.PurgeResponse;
import io.pqzk.records.proto.ReadRequest;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.SignedOpeningRequest;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.service.CustodianClient;
import io.pqzk.records.service.CustodianNode;
import io.pqzk.records.service.CustodianServer;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.service.Pki;
import io.pqzk.records.vault.AuthorityEscrow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pqzk records import|read|purge|serve|opening|rotate}: record documents kept encrypted by
 * a custodian, released only under the ledger's policy. Without {@code --server} a command opens
 * the data directory's ledger and custodian in this process: a demo shortcut (it needs the
 * validator and custodian keys of the directory, as {@code pqzk demo} leaves them); with {@code
 * --server HOST:PORT} it talks to {@code pqzk records serve} over mutual TLS.
 */
@Command(
    name = "records",
    mixinStandardHelpOptions = true,
    description = "Keep record documents encrypted with a custodian; read, purge and serve them.",
    subcommands = {RecordsCommand.Import.class, RecordsCommand.Read.class,
      RecordsCommand.Purge.class, RecordsCommand.Serve.class, RecordsCommand.Opening.class,
      RecordsCommand.Rotate.class})
final class RecordsCommand implements Runnable {
  private static final HexFormat HEX = HexFormat.of();
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every records command takes. */
  static final class Node {
    @Mixin Options.DataDir data;
    @Mixin Options.PassphraseFile passphraseFile;

    @Option(names = "--custodian", paramLabel = "NAME",
        description = "The custodian (a genesis custodian's name; default: the genesis's first).")
    String custodian;

    char[] passphrase(Path key) {
      return Passphrases.forDecrypt(passphraseFile.file, key);
    }
  }

  /** Where a command sends its request: in process, or to a served custodian. */
  static final class Target {
    @Option(names = "--server", paramLabel = "HOST:PORT",
        description = "A custodian served by `pqzk records serve`, reached over mutual TLS"
            + " (default: open the data directory's custodian in this process, the demo"
            + " shortcut).")
    String server;

    @Option(names = "--tls-dir", paramLabel = "DIR",
        description = "With --server: the folder of NAME.crt.pem, NAME.tls.key (NAME the key"
            + " prefix's file name) and ca.crt.pem (default: the key's folder's tls/).")
    Path tlsDir;

    /** Runs {@code f} against the target, closing what it opened. */
    <T> T with(Node node, Path keyPrefix, char[] passphrase, Work<T> f) {
      if (server == null) {
        try (CustodianNode n = RecordsAccess.open(node.data.dir, node.custodian, passphrase)) {
          return f.run(n.custodian(), n.custodian().genesis(), n.custodian().info().key()
              .keyId(), n);
        } catch (RecordsException e) {
          throw RecordsAccess.failure(e);
        } catch (IOException e) {
          throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
        }
      }
      int colon = server.lastIndexOf(':');
      if (colon < 1) {
        throw CliException.badInput("--server must be HOST:PORT, got '" + server + "'");
      }
      Path tls = tlsDir != null ? tlsDir
          : keyPrefix.toAbsolutePath().getParent().resolve(NodeLayout.TLS);
      String name = keyPrefix.getFileName().toString();
      Genesis g = ChainCommand.genesis(node.data.dir, null);
      byte[] custodianId;
      try {
        custodianId = CustodianNode.custodianOf(g, node.custodian).key().keyId();
      } catch (RecordsException e) {
        throw RecordsAccess.failure(e);
      }
      try (CustodianClient client = CustodianClient.connect(server.substring(0, colon),
          Integer.parseInt(server.substring(colon + 1)), Pki.read(tls, name, passphrase),
          Pki.readCertificate(Pki.certificateFile(tls, NodeLayout.CA)))) {
        return f.run(client, g, custodianId, null);
      } catch (RecordsException e) {
        throw RecordsAccess.failure(e);
      } catch (NumberFormatException e) {
        throw CliException.badInput("--server port must be a number, got '" + server + "'");
      }
    }
  }

  interface Work<T> {
    T run(CustodianOperations custodian, Genesis genesis, byte[] custodianKeyId,
        CustodianNode local) throws RecordsException;
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Import record documents into the custodian's vault: each is encrypted under"
          + " a fresh data key (wrapped under a per-record key of the custodian's key store, and"
          + " sealed to the owning authority's X-Wing key in its escrow), its commitment"
          + " registered and its custody set by the owner. Only commitments reach the chain.",
          "A document is a JSON object carrying the attributes subject_id, birth_year,"
          + " blood_group, fitness, vax_date, clearance and issuer as integers; anything else in"
          + " it is kept, byte for byte, and read by nobody here.",
          "A FHIR R4 Bundle (collection or transaction, one Patient) is one record: the whole"
          + " bundle, byte for byte, encrypted; its attributes extracted by the rules of"
          + " ledger-adapter/fhir/README.md (birth year from Patient.birthDate, blood group and"
          + " measures from Observations by code, last vaccination from Immunization.occurrence,"
          + " issuer from Bundle.meta.source); an attribute the bundle does not carry is"
          + " recorded as absent (2^32-1), on which no claim can be proven; its subject id is"
          + " derived from the Patient's id. Missing or ambiguous data is refused naming the"
          + " resource and field.",
          "Exit 0 imported; 1 refused (a residency the custodian does not keep); 2 bad input."})
  static final class Import implements Callable<Integer> {
    @Mixin Node node;

    @Option(names = "--in", required = true, paramLabel = "FILE|DIR",
        description = "A document, or a folder whose *.json files are documents.")
    Path in;

    @Option(names = "--as", paramLabel = "KEY",
        description = "The owning authority's key prefix (KEY.ML-DSA-65.key, KEY.X-Wing.key;"
            + " default: DIR/keys/ and the genesis's first authority).")
    Path as;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|document|fhir",
        description = "What the files are (default: auto, a JSON object whose resourceType is"
            + " Bundle is FHIR, anything else a document).")
    String format;

    @Option(names = "--issuer", paramLabel = "SOURCE=CODE",
        description = "FHIR: a Bundle.meta.source URI and the issuer code it stands for"
            + " (repeatable); a bundle naming a source not listed is refused.")
    java.util.Map<String, Long> issuers = new java.util.LinkedHashMap<>();

    @Option(names = "--source", paramLabel = "URI",
        description = "FHIR: the source (one of --issuer) of bundles that name none (default:"
            + " their issuer is absent).")
    String source;

    @Option(names = "--residency", paramLabel = "CODE",
        description = "The documents' residency tag, a genesis jurisdiction (default: the"
            + " custodian's).")
    String residency;

    @Override
    public Integer call() {
      List<Path> files = documents(in);
      Genesis g = ChainCommand.genesis(node.data.dir, null);
      if (g.proto().getAuthoritiesCount() == 0) {
        throw CliException.badInput("the genesis names no authority to own the records");
      }
      Path owner = as != null ? as : NodeLayout.keys(node.data.dir)
          .resolve(g.proto().getAuthorities(0).getName());
      char[] pass = node.passphrase(owner);
      LedgerSigningKey key = RecordsAccess.signingKey(owner, pass);
      KemPrivateKey kem = RecordsAccess.kemKey(owner, pass);
      try (CustodianNode n = RecordsAccess.open(node.data.dir, node.custodian, pass);
          AuthorityEscrow escrow = AuthorityEscrow.open(NodeLayout.escrow(node.data.dir),
              g.chainId(), kem)) {
        String tag = residency != null ? residency : n.custodian().info().jurisdiction();
        List<Custodian.ImportRequest> rs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        io.pqzk.fhir.bundle.BundleReader fhir = null;
        for (Path f : files) {
          byte[] bytes = CliFiles.read("--in", f);
          if (!isFhir(bytes)) {
            rs.add(new Custodian.ImportRequest(RecordDocument.parse(bytes, f.toString()), tag,
                null, List.of()));
            notes.add("");
            continue;
          }
          if (fhir == null) {
            fhir = new io.pqzk.fhir.bundle.BundleReader(issuers());
          }
          io.pqzk.fhir.bundle.BundleRecord r = fhir.read(bytes, f.toString());
          Arrays.fill(bytes, (byte) 0);
          byte[] exact = r.bytes();
          try {
            rs.add(new Custodian.ImportRequest(RecordDocument.extracted(exact, r.attributes(),
                f.toString()), tag, null, List.of()));
          } finally {
            Arrays.fill(exact, (byte) 0);
          }
          notes.add(" FHIR " + r.bundleType() + " bundle, subject " + r.subjectId()
              + (r.absent().isEmpty() ? "" : ", absent: " + String.join(", ", r.absent()
                  .stream().map(a -> a.columnName()).sorted().toList())));
          r.wipe();
        }
        List<Custodian.Imported> done = n.custodian().importAll(rs, key, kem.publicKey());
        for (Custodian.Imported d : done) {
          escrow.put(RecordDocument.SCHEMA, d.subjectId(), d.escrow());
        }
        for (int i = 0; i < files.size(); i++) {
          System.out.println(files.get(i) + " -> record " + HEX.formatHex(done.get(i)
              .commitment()) + " (height " + done.get(i).height() + ")" + notes.get(i));
        }
        System.out.println("imported " + done.size() + " document" + (done.size() == 1 ? "" : "s")
            + " into custodian '" + n.custodian().info().name() + "' (" + tag + "): encrypted"
            + " in its vault, commitments on the chain, data keys escrowed for the owner");
        return Main.OK;
      } catch (io.pqzk.fhir.InvalidFhirException e) {
        throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
      } catch (RecordsException e) {
        throw RecordsAccess.failure(e);
      } catch (LedgerException e) {
        throw ChainCommand.failure(e);
      } catch (IOException e) {
        throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
      } finally {
        Arrays.fill(pass, '\0');
        kem.destroy();
        key.destroy();
      }
    }

    private static final java.util.regex.Pattern BUNDLE = java.util.regex.Pattern.compile(
        "\\A\\s*\\{[^{]*\"resourceType\"\\s*:\\s*\"Bundle\"");

    private boolean isFhir(byte[] bytes) {
      switch (format) {
        case "fhir":
          return true;
        case "document":
          return false;
        case "auto":
          // a bundle's resourceType comes before its first nested object in every writer seen
          String head = new String(bytes, 0, Math.min(bytes.length, 4096),
              StandardCharsets.UTF_8);
          return BUNDLE.matcher(head).find();
        default:
          throw CliException.badInput("--format must be auto, document or fhir, not '" + format
              + "'");
      }
    }

    private io.pqzk.fhir.bundle.Issuers issuers() {
      try {
        return new io.pqzk.fhir.bundle.Issuers(issuers, Optional.ofNullable(source));
      } catch (IllegalArgumentException e) {
        throw CliException.badInput("--issuer/--source: " + e.getMessage());
      }
    }

    private static List<Path> documents(Path in) {
      if (Files.isRegularFile(in)) {
        return List.of(in);
      }
      if (!Files.isDirectory(in)) {
        throw CliException.badInput("--in " + in + ": no such file or folder");
      }
      try (Stream<Path> s = Files.list(in)) {
        List<Path> out = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        if (out.isEmpty()) {
          throw CliException.badInput("--in " + in + ": no *.json documents");
        }
        return out;
      } catch (IOException e) {
        throw CliException.badInput("--in " + in + ": " + e.getMessage());
      }
    }
  }

  @Command(name = "read", mixinStandardHelpOptions = true,
      description = {"Ask the custodian for a record's document as a registered reader. The"
          + " custodian checks the ledger at its finalized height (a live grant for this reader,"
          + " record and purpose, the patient's consent, residency), writes an access event it"
          + " signs, waits until it is final, and only then releases the document, sealed with"
          + " HPKE (X-Wing) to the reader's registered key; this command opens it and writes the"
          + " exact bytes imported. A refusal is recorded on the chain too.",
          "Exit 0 with the document; 1 refused (the reason named); 2 bad input."})
  static final class Read implements Callable<Integer> {
    @Mixin Node node;
    @Mixin Target target;

    @Option(names = "--subject", required = true, paramLabel = "ID",
        description = "The record's subject id.")
    String subject;

    @Option(names = "--as", required = true, paramLabel = "KEY",
        description = "The reader's key prefix: KEY.ML-DSA-65.key signs the request,"
            + " KEY.X-Wing.key opens the release.")
    Path as;

    @Option(names = "--purpose", required = true, paramLabel = "P",
        description = "HL7 v3 PurposeOfUse code, e.g. TREAT, ETREAT, HRESCH.")
    String purpose;

    @Option(names = "--reason", paramLabel = "TEXT",
        description = "Break-glass: read without a grant under a genesis break-glass role the"
            + " reader holds, for this stated reason (recorded, open until reviewed).")
    String reason;

    @Option(names = "--role", paramLabel = "ROLE",
        description = "With --reason: the break-glass role (default: the reader's first one"
            + " allowing the purpose).")
    String role;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Write the document to FILE (mode 0600) instead of standard output.")
    Path out;

    @Override
    public Integer call() {
      char[] pass = node.passphrase(as);
      LedgerSigningKey key = RecordsAccess.signingKey(as, pass);
      KemPrivateKey kem = RecordsAccess.kemKey(as, pass);
      try {
        byte[] doc = target.with(node, as, pass, (custodian, g, custodianId, local) -> {
          ReadRequest.Builder r = Requests.read(g.chainId(), custodianId, key, subject, purpose,
              System.currentTimeMillis()).setDelivery(Delivery.DELIVERY_HPKE);
          if (reason != null) {
            r.setBreakGlassReason(reason);
          }
          if (role != null) {
            r.setBreakGlassRole(role);
          }
          SignedReadRequest signed = Requests.sign(key, r.build());
          ReadResponse resp = custodian.read(signed, Caller.inProcess());
          if (resp.hasRefusal()) {
            throw CliException.rejected("refused: " + resp.getRefusal().getDenial() + ": "
                + resp.getRefusal().getMessage() + (resp.getRefusal().getEventTransactionId()
                .isEmpty() ? " (no event written)" : " (denied event " + HEX.formatHex(
                    resp.getRefusal().getEventTransactionId().toByteArray()) + " at height "
                    + resp.getRefusal().getEventHeight() + ")"));
          }
          var rel = resp.getRelease();
          byte[] d;
          try {
            d = Hpke.open(kem, new Hpke.Sealed(rel.getHpkeEnc().toByteArray(),
                rel.getHpkeCiphertext().toByteArray()), Requests.releaseInfo(g.chainId(), rel
                .getRecordCommitment().toByteArray(), rel.getEventTransactionId().toByteArray()),
                Requests.digest(g.chainId(), key.publicKey().keyId(), signed));
          } catch (KemException e) {
            throw CliException.rejected("the release does not open with " + as
                + ".X-Wing.key: " + e.getMessage());
          }
          System.err.println("pqzk: released under " + (reason != null ? "BREAK-GLASS " : "")
              + "access event " + HEX.formatHex(rel.getEventTransactionId().toByteArray())
              + " at height " + rel.getEventHeight() + " (final), sealed to " + as
              + ".X-Wing.key");
          return d;
        });
        try {
          if (out != null) {
            CliFiles.write("--out", out, doc, CliFiles.PRIVATE, true);
          } else {
            System.out.write(doc);
            System.out.flush();
          }
        } finally {
          Arrays.fill(doc, (byte) 0);
        }
        return Main.OK;
      } catch (IOException e) {
        throw CliException.badInput(e.getMessage());
      } finally {
        Arrays.fill(pass, '\0');
        kem.destroy();
        key.destroy();
      }
    }
  }

  @Command(name = "purge", mixinStandardHelpOptions = true,
      description = {"The owning authority purges a record (right to erasure): the custodian"
          + " destroys its ciphertext, its data key and every wrapped copy, and compacts its"
          + " stores (crypto-shredding); the owner's escrowed copy is destroyed too. A purge"
          + " event goes on the chain and the commitment stays, so the chain still verifies and"
          + " shows that the record existed and was purged.",
          "Exit 0 purged; 1 refused (not the owner, not kept here); 2 bad input."})
  static final class Purge implements Callable<Integer> {
    @Mixin Node node;
    @Mixin Target target;

    @Option(names = "--subject", required = true, paramLabel = "ID",
        description = "The record's subject id.")
    String subject;

    @Option(names = "--as", paramLabel = "KEY",
        description = "The owning authority's key prefix (default: DIR/keys/ and the genesis's"
            + " first authority).")
    Path as;

    @Override
    public Integer call() {
      Genesis g = ChainCommand.genesis(node.data.dir, null);
      Path owner = as != null ? as : NodeLayout.keys(node.data.dir)
          .resolve(g.proto().getAuthorities(0).getName());
      char[] pass = node.passphrase(owner);
      LedgerSigningKey key = RecordsAccess.signingKey(owner, pass);
      KemPrivateKey kem = RecordsAccess.kemKey(owner, pass);
      try (AuthorityEscrow escrow = AuthorityEscrow.open(NodeLayout.escrow(node.data.dir),
          g.chainId(), kem)) {
        Optional<byte[]> c = escrow.commitmentOf(RecordDocument.SCHEMA, subject);
        if (c.isEmpty()) {
          throw CliException.rejected("refused: the owner's escrow has no record of this subject"
              + " (not imported by this authority)");
        }
        TransactionFactory txs = new TransactionFactory(g.chainId());
        byte[] tx = txs.sign(key, txs.body(key).setRecordPurge(RecordPurge.newBuilder()
            .setRecordCommitment(ByteString.copyFrom(c.get()))));
        PurgeResponse done = target.with(node, owner, pass, (custodian, gg, id, local) ->
            custodian.purge(PurgeRequest.newBuilder().setPurgeTransaction(ByteString.copyFrom(
                tx)).build(), Caller.inProcess()));
        escrow.shred(c.get());
        System.out.println("purged record " + HEX.formatHex(c.get()) + ": purge event "
            + HEX.formatHex(done.getTransactionId().toByteArray()) + " at height "
            + done.getHeight() + " (final); its ciphertext, data key and every wrapped copy are"
            + " destroyed (the owner's escrowed copy too); the commitment stays on the chain");
        return Main.OK;
      } catch (RecordsException e) {
        throw RecordsAccess.failure(e);
      } finally {
        Arrays.fill(pass, '\0');
        kem.destroy();
        key.destroy();
      }
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = {"Serve the data directory's custodian over gRPC with mutual TLS (its"
          + " certificate and CA in DIR/keys/tls/): clients without a certificate of that CA are"
          + " refused at the handshake. TLS is classical (ECDSA P-256); documents travel sealed"
          + " with HPKE X-Wing to the reader inside it, so they stay post-quantum end to end."
          + " This process holds the directory's validator keys and seals the blocks itself"
          + " (the embedded engine). Runs until stopped.",
          "Exit 0 stopped; 2 bad input."})
  static final class Serve implements Callable<Integer> {
    @Mixin Node node;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
        description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "7443", paramLabel = "PORT",
        description = "Port to listen on, 0 for any (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
      char[] pass = node.passphrase(NodeLayout.keys(node.data.dir));
      try (CustodianNode n = RecordsAccess.open(node.data.dir, node.custodian, pass);
          CustodianServer s = n.serve(NodeLayout.tls(node.data.dir), host, port, pass,
              line -> System.err.println("pqzk custodian: " + line))) {
        Arrays.fill(pass, '\0');
        System.out.println("listening on " + host + ":" + s.port());
        System.out.flush();
        s.awaitTermination();
        return Main.OK;
      } catch (RecordsException e) {
        throw RecordsAccess.failure(e);
      } catch (IOException e) {
        throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
      }
    }
  }

  @Command(name = "opening", mixinStandardHelpOptions = true,
      description = {"The owning authority obtains a record's opening (attributes and salt, with"
          + " its registry paths at the finalized height), sealed to its X-Wing key, and writes it"
          + " for `pqzk claim prove --opening FILE`.",
          "Exit 0 written; 1 refused (not the owner, purged); 2 bad input."})
  static final class Opening implements Callable<Integer> {
    @Mixin Node node;
    @Mixin Target target;

    @Option(names = "--subject", required = true, paramLabel = "ID",
        description = "The record's subject id.")
    String subject;

    @Option(names = "--as", paramLabel = "KEY",
        description = "The owning authority's key prefix (default: DIR/keys/ and the genesis's"
            + " first authority).")
    Path as;

    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "Where to write the opening (mode 0600; replaced if present).")
    Path out;

    @Override
    public Integer call() {
      Genesis g = ChainCommand.genesis(node.data.dir, null);
      Path owner = as != null ? as : NodeLayout.keys(node.data.dir)
          .resolve(g.proto().getAuthorities(0).getName());
      char[] pass = node.passphrase(owner);
      LedgerSigningKey key = RecordsAccess.signingKey(owner, pass);
      KemPrivateKey kem = RecordsAccess.kemKey(owner, pass);
      try {
        String json = target.with(node, owner, pass, (custodian, gg, custodianId, local) -> {
          long now = System.currentTimeMillis();
          byte[] nonce = new byte[Requests.NONCE_BYTES];
          new java.security.SecureRandom().nextBytes(nonce);
          SignedOpeningRequest s = Requests.sign(key, OpeningRequest.newBuilder()
              .setChainId(g.chainId()).setCustodianKeyId(ByteString.copyFrom(custodianId))
              .setAuthorityKeyId(ByteString.copyFrom(key.publicKey().keyId()))
              .setSubjectId(subject).setNonce(ByteString.copyFrom(nonce)).setIssuedMillis(now)
              .setExpiresMillis(now + 120_000)
              .setKemPublicKey(ByteString.copyFrom(kem.publicKey().raw())).build());
          try {
            return Openings.open(custodian.exportOpening(s, Caller.inProcess()), kem,
                g.chainId(), s, key.publicKey().keyId());
          } catch (KemException e) {
            throw CliException.rejected("the opening does not open with the owner's X-Wing key: "
                + e.getMessage());
          }
        });
        CliFiles.write("--out", out, json.getBytes(StandardCharsets.UTF_8), CliFiles.PRIVATE,
            true);
        System.out.println("wrote " + out + " (the record's opening: a secret; use it with"
            + " `pqzk claim prove --opening " + out + "`)");
        return Main.OK;
      } finally {
        Arrays.fill(pass, '\0');
        kem.destroy();
        key.destroy();
      }
    }
  }

  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = {"Rotate the custodian's keys: every data key is re-wrapped under a fresh"
          + " per-record key of a new key store version, and every older key destroyed; no"
          + " ciphertext and no commitment changes.", "Exit 0 rotated; 2 bad input."})
  static final class Rotate implements Callable<Integer> {
    @Mixin Node node;

    @Override
    public Integer call() {
      char[] pass = node.passphrase(NodeLayout.keys(node.data.dir));
      try (CustodianNode n = RecordsAccess.open(node.data.dir, node.custodian, pass)) {
        int v = n.custodian().rotateKeys();
        System.out.println("custodian '" + n.custodian().info().name() + "': "
            + n.custodian().vault().commitments().size() + " records re-wrapped under key"
            + " store version " + v + "; older keys destroyed");
        return Main.OK;
      } catch (RecordsException e) {
        throw RecordsAccess.failure(e);
      } catch (IOException e) {
        throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
      } finally {
        Arrays.fill(pass, '\0');
      }
    }
  }
}
