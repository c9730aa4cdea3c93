package io.pqzk.records.kem;

/**
 * The X-Wing hybrid KEM (ML-KEM-768 with X25519, combined with SHA3-256 and a fixed label:
 * draft-connolly-cfrg-xwing-kem), as HPKE's KEM 0x647a (MLKEM768-X25519, draft-ietf-hpke-pq).
 * Sizes are the draft's: a 32-byte decapsulation key (the seed from which both halves are
 * expanded with SHAKE256), a 1216-byte encapsulation key (ML-KEM-768's 1184 bytes, then the
 * X25519 point), a 1120-byte ciphertext and a 32-byte shared secret. Post-quantum while either
 * half holds: ML-KEM-768 against quantum attackers, X25519 against a flaw in the new lattice
 * scheme.
 */
public final class XWing {
  /** HPKE KEM identifier (draft-ietf-hpke-pq, IANA table). */
  public static final int HPKE_KEM_ID = 0x647a;
  /** The name keys carry on the command line and in files. */
  public static final String NAME = "X-Wing";
  /** Object identifier of X-Wing keys (draft-connolly-cfrg-xwing-kem, section 8). */
  public static final String OID = "1.3.6.1.4.1.62253.25722";
  public static final int SEED_BYTES = 32;
  public static final int PUBLIC_KEY_BYTES = 1216;
  public static final int CIPHERTEXT_BYTES = 1120;
  public static final int SHARED_SECRET_BYTES = 32;

  private XWing() {}
}
