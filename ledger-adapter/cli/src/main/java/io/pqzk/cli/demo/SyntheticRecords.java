package io.pqzk.cli.demo;

import io.pqzk.records.custodian.RecordCommitments;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.Record;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic service-member records with plausible attribute ranges, their documents (what the
 * custodian keeps encrypted), and the ledger's record commitment ({@link RecordCommitments}:
 * SHA3-256 over the schema, the attributes and a random salt, which hides even low-entropy
 * attributes, a birth year has ~40 possible values, from anyone holding the commitment).
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
    return RecordCommitments.commitment(chainId, SCHEMA, record);
  }

  private static final String[] GIVEN = {"Avery", "Jordan", "Morgan", "Riley", "Casey", "Quinn",
    "Harper", "Rowan", "Emerson", "Skyler", "Dakota", "Finley", "Reese", "Sawyer", "Marlowe"};
  private static final String[] FAMILY = {"Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad",
    "Kowalski", "Ferreira", "Nakamura", "Oyelaran", "Brennan", "Vasquez", "Achterberg",
    "Marchetti", "Sorensen", "Abernathy"};
  private static final String[] UNITS = {"3rd Medical Battalion", "Field Hospital 12",
    "Naval Station Clinic", "Air Wing Medical Squadron", "Reserve Health Detachment"};

  /**
   * One document per record, as a custodian would receive it: a JSON object with the record's
   * attributes under their column names and what a medical record also holds (a name, a birth
   * date, a service number, a unit, notes), none of which ever reaches the chain.
   */
  public static List<byte[]> documents(List<Record> records, Random shape) {
    List<byte[]> out = new ArrayList<>(records.size());
    for (Record r : records) {
      long subject = r.get(Attribute.SUBJECT_ID);
      int year = (int) r.get(Attribute.BIRTH_YEAR);
      String birth = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year,
          1 + shape.nextInt(12), 1 + shape.nextInt(28));
      String doc = "{\n"
          + "  \"schema\": \"" + SCHEMA + "\",\n"
          + "  \"subject_id\": " + subject + ",\n"
          + "  \"name\": \"" + GIVEN[shape.nextInt(GIVEN.length)] + " "
          + FAMILY[shape.nextInt(FAMILY.length)] + "\",\n"
          + "  \"service_number\": \"SN-" + (100000 + shape.nextInt(900000)) + "-"
          + (char) ('A' + shape.nextInt(26)) + "\",\n"
          + "  \"birth_date\": \"" + birth + "\",\n"
          + "  \"unit\": \"" + UNITS[shape.nextInt(UNITS.length)] + "\",\n"
          + "  \"birth_year\": " + year + ",\n"
          + "  \"blood_group\": " + r.get(Attribute.BLOOD_GROUP) + ",\n"
          + "  \"fitness\": " + r.get(Attribute.FITNESS) + ",\n"
          + "  \"vax_date\": " + r.get(Attribute.VAX_DATE) + ",\n"
          + "  \"clearance\": " + r.get(Attribute.CLEARANCE) + ",\n"
          + "  \"issuer\": " + r.get(Attribute.ISSUER) + ",\n"
          + "  \"notes\": \"annual fitness review; " + (shape.nextBoolean()
              ? "no restrictions" : "light duty for six weeks after knee surgery") + "\"\n"
          + "}\n";
      out.add(doc.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }
}
