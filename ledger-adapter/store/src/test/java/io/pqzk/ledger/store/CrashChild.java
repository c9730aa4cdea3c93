package io.pqzk.ledger.store;

import io.pqzk.ledger.Genesis;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionFactory;

import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The engine in a child JVM for the crash suite: opens (recovering) the ledger in args[0] and
 * seals blocks as fast as it can. After each seal returns (the block is fsync'd and indexed) it
 * prints {@code ACK height headerHashHex}; on start {@code OPEN height recovered truncated}.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Genesis g = Genesis.load(dir.resolve(Genesis.FILE_NAME));
    LedgerSigningKey ml = key(dir, "validator", g.blockAlgorithm());
    LedgerSigningKey slh = key(dir, "validator", g.slhDsaAlgorithm());
    LedgerSigningKey authority = key(dir, "authority", "ML-DSA-65");
    ProposerKeys proposer = new ProposerKeys("validator-0", ml, slh);
    TransactionFactory txs = new TransactionFactory(g.chainId());
    SecureRandom rnd = new SecureRandom();
    BlockRules rules = new BlockRules(g);
    CommitSigner commits = new CommitSigner(rules, java.util.List.of(ml));
    try (Ledger l = Ledger.open(dir, rules, 256 * 1024, System::currentTimeMillis)) {
      System.out.println("OPEN " + l.height() + " " + l.recovery().recoveredBlocks() + " "
          + l.recovery().truncatedBytes());
      System.out.flush();
      while (true) {
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
          byte[] c = new byte[32];
          rnd.nextBytes(c);
          l.submit(txs.registerRecord(authority, c, "crash/v1"));
        }
        Ledger.SealResult r = l.seal(proposer, commits);
        System.out.println("ACK " + r.height() + " "
            + HexFormat.of().formatHex(r.sealed().effects().headerHash()));
        System.out.flush();
      }
    }
  }

  static LedgerSigningKey key(Path dir, String name, String alg) throws Exception {
    return Signatures.decodePrivate(
        Signatures.publicKey(alg, Files.readAllBytes(dir.resolve(name + "." + alg + ".pub"))),
        Files.readAllBytes(dir.resolve(name + "." + alg + ".pk8")));
  }

  /** Test set-up: writes the keys a child reads (plain PKCS#8: throwaway test keys only). */
  static void writeKey(Path dir, String name, LedgerSigningKey k) throws Exception {
    Files.write(dir.resolve(name + "." + k.algorithm() + ".pub"), k.publicKey().spki());
    Files.write(dir.resolve(name + "." + k.algorithm() + ".pk8"), Signatures.encodePrivate(k));
  }
}
