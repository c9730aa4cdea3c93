package io.pqzk.records.custodian;

import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.UnavailableProofSystemException;
import io.pqzk.zk.claims.Record;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the chain learns of a record: its commitment, {@code SHA3-256(domain
 * "pqzk/v1/record-commitment", chain id, schema, the seven attributes as u32 big-endian, the two
 * salt words as u64 big-endian)} (the random 126-bit salt hides even low-entropy attributes), and
 * one registry leaf per claim system of the genesis, the system's own commitment to the same
 * record and salt. Nothing else of a record ever reaches a transaction.
 */
public final class RecordCommitments {
  private RecordCommitments() {}

  /** The 32-byte ledger commitment of {@code record} under {@code schema}. */
  public static byte[] commitment(String chainId, String schema, Record record) {
    byte[] s = schema.getBytes(StandardCharsets.UTF_8);
    long[] attrs = record.attributes();
    long[] salt = record.salt();
    ByteBuffer b = ByteBuffer.allocate(1 + s.length + 4 * attrs.length + 8 * salt.length);
    b.put((byte) s.length).put(s);
    for (long v : attrs) {
      b.putInt((int) v);
    }
    for (long w : salt) {
      b.putLong(w);
    }
    byte[] enc = b.array();
    try {
      return Hashes.sha3(Hashes.RECORD_COMMITMENT, chainId, enc);
    } finally {
      Arrays.fill(enc, (byte) 0);
      Arrays.fill(attrs, 0);
      Arrays.fill(salt, 0);
    }
  }

  /** The registry leaf of {@code record} for each of {@code systems}, in that order. */
  public static List<byte[]> claimLeaves(List<String> systems, Record record) {
    List<byte[]> out = new ArrayList<>(systems.size());
    for (String system : systems) {
      out.add(registryHash(system).leaf(record));
    }
    return out;
  }

  static RegistryHash registryHash(String system) {
    try {
      return ProofSystems.registryHash(system);
    } catch (UnavailableProofSystemException e) {
      throw new IllegalStateException("the genesis names claim system " + system
          + ", which is not on the class path: " + e.getMessage(), e);
    }
  }
}
