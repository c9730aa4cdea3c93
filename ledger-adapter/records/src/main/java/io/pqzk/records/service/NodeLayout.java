package io.pqzk.records.service;

import java.nio.file.Path;

/**
 * Where a node keeps what the custodian needs, beside a ledger data directory: {@code keys/}
 * (every key file, see {@link KeyDirectory}; the demo's passphrase in {@code DEMO-PASSPHRASE}),
 * {@code keys/tls/} (the private CA and the mutual-TLS certificates, see {@link Pki}), {@code
 * custodian/} (the vault and the chain index) with {@code custodian/keystore/} (the key store:
 * put it on other storage than the vault, and never back it up with it), and {@code escrow/} (the
 * owning authority's escrow, which belongs with the authority, not the custodian: one directory
 * here only because the demo holds every party's keys).
 */
public final class NodeLayout {
  public static final String KEYS = "keys";
  public static final String TLS = "tls";
  public static final String CUSTODIAN = "custodian";
  public static final String ESCROW = "escrow";
  public static final String CA = "ca";
  public static final String DEMO_PASSPHRASE = "DEMO-PASSPHRASE";

  private NodeLayout() {}

  public static Path keys(Path data) {
    return data.resolve(KEYS);
  }

  public static Path tls(Path data) {
    return keys(data).resolve(TLS);
  }

  public static Path custodian(Path data) {
    return data.resolve(CUSTODIAN);
  }

  public static Path escrow(Path data) {
    return data.resolve(ESCROW);
  }
}
