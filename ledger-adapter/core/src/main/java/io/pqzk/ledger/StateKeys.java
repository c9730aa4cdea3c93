package io.pqzk.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The key space of the chain state: one prefix byte per kind of entry, then the entry's id.
 * {@link ChainState} owns {@link #META}, {@link #BLOCK} and {@link #TX}; each transaction rule
 * owns the prefix it declares ({@code TransactionRule#statePrefix}: {@code 'R'} records, {@code
 * 'G'} grants, {@code 'D'} delegations, {@code 'C'} claim contexts), distinct from each other and
 * from these (a ledger-core test checks it); {@link #LOCAL} is for the node's own records (where
 * a block lies in its files), which are not part of the state root.
 */
public final class StateKeys {
  /** Head, frontiers, state root, genesis hash, format version. */
  public static final byte META = 'M';
  /** Per height: header hash, registry root, claim registry roots. */
  public static final byte BLOCK = 'B';
  /** Transaction ids seen (replay protection): value is the height. */
  public static final byte TX = 'T';
  /** A node's own bookkeeping beside the state (block locations); never hashed. */
  public static final byte LOCAL = 'L';

  private StateKeys() {}

  public static byte[] key(byte prefix, byte[] id) {
    byte[] k = new byte[id.length + 1];
    k[0] = prefix;
    System.arraycopy(id, 0, k, 1, id.length);
    return k;
  }

  public static byte[] key(byte prefix, long height) {
    return key(prefix, ByteBuffer.allocate(8).putLong(height).array());
  }

  static byte[] meta(String name) {
    return key(META, name.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] height8(long h) {
    return ByteBuffer.allocate(8).putLong(h).array();
  }
}
