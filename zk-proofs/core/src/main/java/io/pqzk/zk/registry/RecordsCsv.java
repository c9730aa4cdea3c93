package io.pqzk.zk.registry;

import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.RecordSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the records CSV of {@code docs/CLI.md} ("Records CSV"): a header naming the seven
 * columns {@code subject_id,birth_year,blood_group,fitness,vax_date,clearance,issuer} (in any
 * order, each exactly once), then one record a row, every value a decimal integer in [0, 2^32).
 * Subject ids must be unique (a claim names its record by subject). Blank lines are skipped;
 * CRLF line ends and a UTF-8 byte-order mark are accepted; quoting is not (no value needs it).
 * Every error names the line and column.
 *
 * <p>An optional eighth column {@value #DOCUMENT_COLUMN} holds the SHA-256 of each record's full
 * document (the exact bytes the vault stores), 64 hex digits; with it the file is of record
 * schema {@link RecordSchema#V2} and every row needs one.
 */
public final class RecordsCsv {
  private static final int COLUMNS = Attribute.values().length;
  /** The optional column of document digests. */
  public static final String DOCUMENT_COLUMN = "document_sha256";

  private RecordsCsv() {}

  /**
   * The rows of a records file: its schema, each row's attributes in schema order and, for
   * schema 2, each row's document digest (in the same order; empty for schema 1).
   */
  public record Table(RecordSchema schema, List<long[]> rows, List<DocumentDigest> documents) {
    public Table {
      rows = List.copyOf(rows);
      documents = List.copyOf(documents);
      if (schema.hasDocument() ? documents.size() != rows.size() : !documents.isEmpty()) {
        throw new IllegalArgumentException(schema + " table of " + rows.size() + " rows with "
            + documents.size() + " document digests");
      }
    }
  }

  /** The canonical header line. */
  public static String header() {
    return String.join(",", Arrays.stream(Attribute.values()).map(Attribute::columnName).toList());
  }

  /**
   * Reads a schema-1 file (no document column); attributes of each row in schema
   * ({@link Attribute}) order.
   *
   * @throws RecordsFormatException also for a file with the document column (use
   *     {@link #readTable(Path)})
   */
  public static List<long[]> read(Path file) throws RegistryException {
    Table t = readTable(file);
    if (t.schema().hasDocument()) {
      throw new RecordsFormatException(file.toString(), 1, 0, "this file has a "
          + DOCUMENT_COLUMN + " column (record schema " + t.schema() + "): read it as a table");
    }
    return new ArrayList<>(t.rows());
  }

  /** Reads a file of either schema. */
  public static Table readTable(Path file) throws RegistryException {
    try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      return readTable(r, file.toString());
    } catch (CharacterCodingException e) {
      throw new RegistryException(file + ": not UTF-8 text", e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new RegistryException(file + ": no such file", e);
    } catch (IOException e) {
      throw new RegistryException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a schema-1 file from a reader; {@code source} names it in error messages. */
  public static List<long[]> read(Reader in, String source) throws IOException, RegistryException {
    Table t = readTable(in, source);
    if (t.schema().hasDocument()) {
      throw new RecordsFormatException(source, 1, 0, "this file has a " + DOCUMENT_COLUMN
          + " column (record schema " + t.schema() + "): read it as a table");
    }
    return new ArrayList<>(t.rows());
  }

  /** Reads a file of either schema from a reader; {@code source} names it in error messages. */
  public static Table readTable(Reader in, String source) throws IOException, RegistryException {
    BufferedReader r = new BufferedReader(in);
    String line = r.readLine();
    int lineNo = 1;
    while (line != null && stripBom(line, lineNo).isBlank()) {
      line = r.readLine();
      lineNo++;
    }
    if (line == null) {
      throw new RecordsFormatException(source, lineNo, 0, "empty file: missing header "
          + header());
    }
    int[] order = parseHeader(stripBom(line, lineNo), source, lineNo);
    int columns = order.length;
    int docColumn = indexOf(order, COLUMNS);
    List<long[]> rows = new ArrayList<>();
    List<DocumentDigest> documents = new ArrayList<>();
    Map<Long, Integer> subjects = new HashMap<>();
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != columns) {
        throw new RecordsFormatException(source, lineNo, 0,
            "expected " + columns + " columns, got " + cells.length);
      }
      long[] row = new long[COLUMNS];
      for (int c = 0; c < columns; c++) {
        if (c == docColumn) {
          documents.add(parseDocument(cells[c], source, lineNo, c));
        } else {
          row[order[c]] = parseValue(cells[c], source, lineNo, c, order);
        }
      }
      long subject = row[Attribute.SUBJECT_ID.ordinal()];
      Integer first = subjects.putIfAbsent(subject, lineNo);
      if (first != null) {
        throw new RecordsFormatException(source, lineNo,
            indexOf(order, Attribute.SUBJECT_ID.ordinal()) + 1,
            "duplicate subject_id " + subject + " (first on line " + first + ")");
      }
      if (rows.size() == SparseMerkleTree.MAX_LEAVES) {
        throw new RecordsFormatException(source, lineNo, 0, "more than "
            + SparseMerkleTree.MAX_LEAVES + " records (registry depth "
            + SparseMerkleTree.DEPTH + ")");
      }
      rows.add(row);
    }
    return new Table(docColumn >= 0 ? RecordSchema.V2 : RecordSchema.V1, rows, documents);
  }

  private static DocumentDigest parseDocument(String cell, String source, int lineNo, int c)
      throws RecordsFormatException {
    String v = cell.trim();
    if (v.length() != 64 || !v.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      throw new RecordsFormatException(source, lineNo, c + 1, DOCUMENT_COLUMN + " value '"
          + abbreviate(v) + "' is not 64 hex digits (the SHA-256 of the record's document)");
    }
    return DocumentDigest.ofHex(v);
  }

  private static String stripBom(String line, int lineNo) {
    return lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** order[c] = schema index of CSV column c ({@code COLUMNS} for the document column). */
  private static int[] parseHeader(String line, String source, int lineNo)
      throws RecordsFormatException {
    String[] names = line.split(",", -1);
    boolean docs = false;
    for (String name : names) {
      docs |= name.trim().equals(DOCUMENT_COLUMN);
    }
    if (names.length != COLUMNS + (docs ? 1 : 0)) {
      throw new RecordsFormatException(source, lineNo, 0, "header must name the " + COLUMNS
          + " columns " + header() + " (and optionally " + DOCUMENT_COLUMN + "), got "
          + names.length + " columns");
    }
    int[] order = new int[names.length];
    boolean[] seen = new boolean[COLUMNS + 1];
    for (int c = 0; c < names.length; c++) {
      if (names[c].trim().equals(DOCUMENT_COLUMN)) {
        if (seen[COLUMNS]) {
          throw new RecordsFormatException(source, lineNo, c + 1,
              "column " + DOCUMENT_COLUMN + " appears twice");
        }
        seen[COLUMNS] = true;
        order[c] = COLUMNS;
        continue;
      }
      Attribute a;
      try {
        a = Attribute.fromColumn(names[c].trim());
      } catch (IllegalArgumentException e) {
        throw new RecordsFormatException(source, lineNo, c + 1, e.getMessage());
      }
      if (seen[a.ordinal()]) {
        throw new RecordsFormatException(source, lineNo, c + 1,
            "column " + a.columnName() + " appears twice");
      }
      seen[a.ordinal()] = true;
      order[c] = a.ordinal();
    }
    return order;
  }

  private static long parseValue(String cell, String source, int lineNo, int c, int[] order)
      throws RecordsFormatException {
    String v = cell.trim();
    String name = Attribute.values()[order[c]].columnName();
    if (v.isEmpty()) {
      throw new RecordsFormatException(source, lineNo, c + 1, name + " is empty");
    }
    if (v.length() > 10 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw new RecordsFormatException(source, lineNo, c + 1, name + " value '" + abbreviate(v)
          + "' is not a non-negative decimal integer below 2^32");
    }
    long value = Long.parseLong(v);
    if (value >= Attribute.LIMIT) {
      throw new RecordsFormatException(source, lineNo, c + 1,
          name + " value " + value + " is not below 2^32 (4294967296)");
    }
    return value;
  }

  private static String abbreviate(String s) {
    return s.length() <= 24 ? s : s.substring(0, 21) + "...";
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
