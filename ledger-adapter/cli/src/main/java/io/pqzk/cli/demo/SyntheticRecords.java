package io.pqzk.cli.demo;

import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.Record;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic service-member records with plausible attribute ranges, and the ledger's record
 * commitment: {@code SHA3-256(domain "pqzk/v1/record-commitment", chain id, schema, the seven
 * attributes as u32 big-endian, the two salt words as u64 big-endian)}. The random salt hides
 * low-entropy attributes (a birth year has ~40 possible values) from anyone holding the
 * commitment.
 */
public final class SyntheticRecords {
  public static final String SCHEMA = "service-member/v1";
  /** Blood groups O-, O+, A-, A+, B-, B+, AB-, AB+ with rough population weights (percent). */
  private static final int[] BLOOD_WEIGHTS = {7, 38, 6, 34, 2, 9, 1, 3};
  private static final int[] CLEARANCE_WEIGHTS = {30, 35, 20, 10, 5};

  private SyntheticRecords() {}

  /** {@code n} records; attribute values from {@code shape}, salts from {@code salts}. */
  public static List<Record> generate(int n, Random shape, SecureRandom salts) {
    List<Record> out = new ArrayList<>(n);
    LocalDate first = LocalDate.of(2024, 1, 1);
    int days = (int) (LocalDate.of(2026, 11, 20).toEpochDay() - first.toEpochDay());
    for (int i = 0; i < n; i++) {
      long[] a = new long[Attribute.values().length];
      a[Attribute.SUBJECT_ID.ordinal()] = 1_000_000L + i;
      a[Attribute.BIRTH_YEAR.ordinal()] = 1966 + shape.nextInt(43);
      a[Attribute.BLOOD_GROUP.ordinal()] = weighted(shape, BLOOD_WEIGHTS);
      a[Attribute.FITNESS.ordinal()] =
          Math.max(30, Math.min(100, Math.round(74 + 12 * shape.nextGaussian())));
      LocalDate vax = first.plusDays(shape.nextInt(days));
      a[Attribute.VAX_DATE.ordinal()] =
          vax.getYear() * 10000L + vax.getMonthValue() * 100L + vax.getDayOfMonth();
      a[Attribute.CLEARANCE.ordinal()] = weighted(shape, CLEARANCE_WEIGHTS);
      a[Attribute.ISSUER.ordinal()] = 1;
      out.add(Record.withRandomSalt(a, salts));
    }
    return out;
  }

  private static int weighted(Random r, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** The 32-byte commitment registered on the ledger for {@code record}. */
  public static byte[] commitment(String chainId, Record record) {
    byte[] schema = SCHEMA.getBytes(StandardCharsets.UTF_8);
    long[] attrs = record.attributes();
    long[] salt = record.salt();
    ByteBuffer b = ByteBuffer.allocate(1 + schema.length + 4 * attrs.length + 8 * salt.length);
    b.put((byte) schema.length).put(schema);
    for (long v : attrs) {
      b.putInt((int) v);
    }
    for (long s : salt) {
      b.putLong(s);
    }
    byte[] enc = b.array();
    try {
      return Hashes.sha3(Hashes.RECORD_COMMITMENT, chainId, enc);
    } finally {
      java.util.Arrays.fill(enc, (byte) 0);
      java.util.Arrays.fill(attrs, 0);
      java.util.Arrays.fill(salt, 0);
    }
  }
}
