package io.pqzk.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.replication.ConfigException;
import io.pqzk.replication.LedgerClient;
import io.pqzk.replication.ReplicationException;
import io.pqzk.replication.TransactionRefusedException;
import io.pqzk.replication.proto.SubmitTransactionReply;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pqzk tx submit}: a signed transaction of any kind, sent to a node of a network. */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = "Build, sign and submit transactions to a replicated ledger.",
    subcommands = {TxCommand.Submit.class})
final class TxCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "submit",
      mixinStandardHelpOptions = true,
      description = {
        "Sign a transaction and wait until it is final.",
        "",
        "The payload is the protobuf JSON of one TransactionBody payload field, for example"
            + " {\"recordRegistration\": {\"commitment\": \"BASE64\", \"schema\": \"s/v1\"}}, so"
            + " every kind of transaction, a new one too, needs no option of its own. The chain"
            + " id, author key id, a fresh nonce and the time are filled in, the body is signed"
            + " with the key, and the node forwards it to the leader. Prints the transaction id"
            + " and the height of the final block that holds it.",
        "",
        "Exit 0: final. Exit 1: refused, with the rule it breaks (it reached no node's log)."
            + " Exit 2: bad input, or no node could be reached."
      })
  static final class Submit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--node", required = true, paramLabel = "HOST:PORT",
        description = "The client API address of any node of the network.")
    String node;

    @Option(names = "--key", required = true, paramLabel = "FILE",
        description = "The author's private key (encrypted PEM); its public key is FILE with"
            + " .pub instead of .key.")
    Path key;

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "ML-DSA-65",
        description = "The key's algorithm (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--payload", required = true, paramLabel = "FILE",
        description = "The payload as protobuf JSON.")
    Path payload;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
        description = "How long to wait for finality (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Mixin Options.ClientTls tls;

    @Mixin Options.PassphraseFile passphraseFile;

    @Override
    public Integer call() {
      TransactionBody.Builder body = TransactionBody.newBuilder();
      try {
        io.pqzk.ledger.ProtoJson.merge(Files.readString(payload, StandardCharsets.UTF_8), body);
      } catch (InvalidProtocolBufferException | RuntimeException e) {
        throw CliException.badInput("--payload " + payload + " is not a transaction payload: "
            + ChainCommand.oneLine(e.getMessage()));
      } catch (IOException e) {
        throw CliException.badInput("cannot read --payload " + payload + ": " + e.getMessage());
      }
      if (body.getPayloadCase() == TransactionBody.PayloadCase.PAYLOAD_NOT_SET) {
        throw CliException.badInput("--payload " + payload + " sets no payload field");
      }
      LedgerSigningKey author = readKey();
      PrintWriter o = spec.commandLine().getOut();
      try (LedgerClient c = LedgerClient.connect(node, tls.tls())) {
        String chain = c.status(30).getChainId();
        TransactionFactory txs = new TransactionFactory(chain);
        TransactionBody.Builder full = txs.body(author).mergeFrom(body.build());
        byte[] tx = txs.sign(author, full);
        SubmitTransactionReply r = c.submit(tx, timeout);
        HexFormat hex = HexFormat.of();
        o.printf("transaction %s final at height %d (block %s)%n",
            hex.formatHex(r.getTransactionId().toByteArray()), r.getHeight(),
            hex.formatHex(r.getBlockHash().toByteArray()));
        o.flush();
        return Main.OK;
      } catch (TransactionRefusedException e) {
        throw CliException.rejected("refused: " + ChainCommand.oneLine(e.reason()));
      } catch (ConfigException e) {
        throw NodeCommand.failure(e);
      } catch (ReplicationException e) {
        throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
      } finally {
        author.destroy();
      }
    }

    private LedgerSigningKey readKey() {
      String name = key.getFileName().toString();
      Path pub = key.resolveSibling(name.endsWith(".key")
          ? name.substring(0, name.length() - 4) + ".pub" : name + ".pub");
      char[] pass = Passphrases.forDecrypt(passphraseFile.file, key);
      try {
        LedgerPublicKey p = Signatures.publicKeyFromPem(algorithm,
            Files.readString(pub, StandardCharsets.US_ASCII));
        return Signatures.decryptPrivate(p, Files.readString(key, StandardCharsets.US_ASCII),
            pass);
      } catch (IOException e) {
        throw CliException.badInput("cannot read the key: " + e.getMessage());
      } catch (GeneralSecurityException e) {
        throw CliException.badInput("--key " + key + ": " + ChainCommand.oneLine(e.getMessage()));
      } finally {
        Arrays.fill(pass, '\0');
      }
    }
  }
}
