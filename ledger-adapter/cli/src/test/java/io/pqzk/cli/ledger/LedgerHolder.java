package io.pqzk.cli.ledger;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.store.Ledger;
import java.nio.file.Path;

/**
 * A child JVM that holds a ledger open: opens the ledger in {@code args[0]} (with its own
 * genesis), prints {@code OPEN height}, and closes it when its standard input ends, printing
 * {@code CLOSED}. When the ledger is open elsewhere it prints {@code REFUSED message} and exits
 * 1.
 */
public final class LedgerHolder {
  private LedgerHolder() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    BlockRules rules = new BlockRules(Genesis.load(dir.resolve(Genesis.FILE_NAME)));
    Ledger l;
    try {
      l = Ledger.open(dir, rules);
    } catch (LedgerException e) {
      System.out.println("REFUSED " + e.getMessage());
      System.out.flush();
      System.exit(1);
      return;
    }
    try (l) {
      System.out.println("OPEN " + l.height());
      System.out.flush();
      System.in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    System.out.println("CLOSED");
    System.out.flush();
  }
}
