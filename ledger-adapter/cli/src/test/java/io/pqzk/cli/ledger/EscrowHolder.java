package io.pqzk.cli.ledger;

import io.pqzk.ledger.Genesis;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.service.KeyDirectory;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.vault.AuthorityEscrow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM that holds a demo's escrow open, as {@code pqzk records} commands do without the
 * ledger: opens {@code args[0]/escrow} with the owning authority's X-Wing key (the genesis's
 * first authority, the demo's passphrase), prints {@code OPEN}, and closes it when its standard
 * input ends, printing {@code CLOSED}.
 */
public final class EscrowHolder {
  private EscrowHolder() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Genesis g = Genesis.load(dir.resolve(Genesis.FILE_NAME));
    Path keys = NodeLayout.keys(dir);
    char[] pass = Files.readString(keys.resolve(NodeLayout.DEMO_PASSPHRASE),
        StandardCharsets.UTF_8).strip().toCharArray();
    KemPrivateKey kem = KeyDirectory.kem(keys, g.proto().getAuthorities(0).getName(), pass);
    try (AuthorityEscrow e = AuthorityEscrow.open(NodeLayout.escrow(dir), g.chainId(), kem)) {
      System.out.println("OPEN");
      System.out.flush();
      System.in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    System.out.println("CLOSED");
    System.out.flush();
  }
}
