package io.pqzk.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.ledger.store.BlockScanner;
import io.pqzk.ledger.store.StoredBlock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pqzk chain show}: a readable dump of one block (read-only, no verification). */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print one block: header, signatures and transactions.",
      "",
      "Authors are named from the genesis file. Reads the block files read-only and checks"
          + " record checksums, not signatures (use `chain verify` for that)."
    })
final class ChainShow implements Callable<Integer> {
  private static final HexFormat HEX = HexFormat.of();
  @Spec CommandSpec spec;

  @Mixin Options.DataDir data;

  @Option(names = "--height", paramLabel = "H", description = "Block height (default: the last).")
  Long height;

  @Option(names = "--genesis", paramLabel = "FILE",
      description = "Genesis file used to name keys (default: DIR/genesis.json).")
  Path genesisFile;

  @Override
  public Integer call() {
    Genesis g = ChainCommand.genesis(data.dir, genesisFile);
    if (height != null && height < 0) {
      throw CliException.badInput("--height must be 0 or more, got " + height);
    }
    StoredBlock found = null;
    long count = 0;
    try (BlockScanner s = BlockScanner.fromStart(Ledger.blocksDir(data.dir))) {
      for (StoredBlock b = s.next(); b != null; b = s.next()) {
        count++;
        found = b;
        if (height != null && b.height() == height) {
          break;
        }
      }
    } catch (LedgerException e) {
      throw ChainCommand.failure(e);
    } catch (IOException e) {
      throw CliException.badInput("cannot read " + data.dir + ": " + e.getMessage());
    }
    if (found == null || (height != null && found.height() != height)) {
      throw CliException.badInput("no block at height " + (height == null ? 0 : height)
          + " (the chain has " + count + " blocks)");
    }
    try {
      print(spec.commandLine().getOut(), g, found);
    } catch (InvalidProtocolBufferException e) {
      throw CliException.rejected("block " + found.height() + " is not a valid Block protobuf: "
          + e.getMessage());
    }
    return Main.OK;
  }

  private static void print(PrintWriter out, Genesis g, StoredBlock b)
      throws InvalidProtocolBufferException {
    Block block = Block.parseFrom(b.payload());
    BlockHeader h = BlockHeader.parseFrom(block.getHeader());
    out.printf("block %d of chain %s  (%d bytes, %s offset %d)%n", h.getHeight(), h.getChainId(),
        b.payload().length, io.pqzk.ledger.store.BlockFiles.segmentName(b.location().segment()),
        b.location().offset());
    out.printf("  timestamp          %s%n", Instant.ofEpochMilli(h.getTimestampMillis()));
    out.printf("  previous hash      %s%n", hex(h.getPreviousHash()));
    out.printf("  transactions root  %s  (%d transactions)%n", hex(h.getTransactionsRoot()),
        h.getTransactionCount());
    out.printf("  registry root      %s  (%d records)%n", hex(h.getRegistryRoot()),
        h.getRegistrySize());
    for (int i = 0; i < h.getClaimRegistryRootsCount(); i++) {
      String sys = i < g.claimSystems().size() ? g.claimSystems().get(i) : "system #" + i;
      out.printf("  %-18s %s  (claims prove membership under this root)%n", sys + " root",
          hex(h.getClaimRegistryRoots(i)));
    }
    out.printf("  state root         %s%n", hex(h.getStateRoot()));
    out.printf("  proposer           %s%n", who(g, h.getProposerKeyId()));
    out.println("  signatures");
    for (SignatureEnvelope e : block.getSignaturesList()) {
      out.printf("    %-18s key %s  %d bytes%n", e.getAlgorithm(), shortHex(e.getKeyId()),
          e.getSignature().size());
    }
    out.println("  transactions");
    for (int i = 0; i < block.getTransactionsCount(); i++) {
      Transaction t = Transaction.parseFrom(block.getTransactions(i));
      TransactionBody body = TransactionBody.parseFrom(t.getBody());
      out.printf("    %3d %-20s by %-28s %s%n", i,
          body.getPayloadCase().name().toLowerCase(java.util.Locale.ROOT),
          who(g, body.getAuthorKeyId()), summary(g, body));
    }
    out.flush();
  }

  private static String summary(Genesis g, TransactionBody body) {
    return switch (body.getPayloadCase()) {
      case RECORD_REGISTRATION -> "commitment " + shortHex(
          body.getRecordRegistration().getCommitment());
      case ACCESS_POLICY_UPDATE -> {
        var p = body.getAccessPolicyUpdate();
        yield (p.getRevoke() ? "revoke " : "grant ") + shortHex(p.getGrantId()) + " to "
            + who(g, p.getGranteeKeyId()) + ", " + p.getRecordCommitmentsCount() + " records, "
            + p.getPurpose();
      }
      case ACCESS_EVENT -> "read " + shortHex(body.getAccessEvent().getRecordCommitment())
          + " under grant " + shortHex(body.getAccessEvent().getGrantId()) + ", "
          + body.getAccessEvent().getPurpose();
      case CLAIM -> body.getClaim().getProof().getSystem() + " "
          + body.getClaim().getProof().getClaim() + " claim, policy "
          + body.getClaim().getPolicy() + ", root of block " + body.getClaim().getRootHeight()
          + ", " + body.getClaim().getProof().getProof().size() + "-byte proof";
      default -> "(no payload)";
    };
  }

  private static String who(Genesis g, ByteString keyId) {
    Genesis.Author a = g.author(keyId.toByteArray());
    return a == null ? "unknown key " + shortHex(keyId)
        : a.name() + " (" + a.role().name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  private static String hex(ByteString b) {
    return HEX.formatHex(b.toByteArray());
  }

  private static String shortHex(ByteString b) {
    String s = hex(b);
    return s.length() > 16 ? s.substring(0, 16) + ".." : s;
  }
}
