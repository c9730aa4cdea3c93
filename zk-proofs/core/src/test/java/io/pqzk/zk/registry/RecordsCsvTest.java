package io.pqzk.zk.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordsCsvTest {
  private static final String HEADER =
      "subject_id,birth_year,blood_group,fitness,vax_date,clearance,issuer\n";

  private static List<long[]> read(String text) throws Exception {
    return RecordsCsv.read(new StringReader(text), "records.csv");
  }

  private static RecordsFormatException fails(String text) {
    return assertThrows(RecordsFormatException.class, () -> read(text));
  }

  @Test
  void read_validFile_returnsRowsInSchemaOrder() throws Exception {
    List<long[]> rows = read(HEADER + "1,1990,2,80,20260115,3,7\n\n4294967295,0,0,0,0,0,0\n");
    assertEquals(2, rows.size());
    assertArrayEquals(new long[] {1, 1990, 2, 80, 20260115, 3, 7}, rows.get(0));
    assertEquals(4294967295L, rows.get(1)[0]);
  }

  @Test
  void read_permutedHeaderCrlfAndBom_mapsColumnsByName() throws Exception {
    String text = "\uFEFFissuer,subject_id,birth_year,blood_group,fitness,vax_date,clearance\r\n"
        + "7, 1 ,1990,2,80,20260115,3\r\n";
    assertArrayEquals(new long[] {1, 1990, 2, 80, 20260115, 3, 7}, read(text).get(0));
  }

  @Test
  void read_headerOnly_givesNoRows() throws Exception {
    assertEquals(0, read(HEADER).size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "non-integer     | 1,1990,2,8x,20260115,3,7 | 2 | 4 | fitness value '8x'",
    "negative        | 1,-1990,2,80,20260115,3,7 | 2 | 2 | birth_year value '-1990'",
    "too large       | 1,1990,2,80,4294967296,3,7 | 2 | 5 | not below 2^32",
    "empty cell      | 1,1990,,80,20260115,3,7 | 2 | 3 | blood_group is empty",
    "decimal point   | 1,1990,2,80.0,20260115,3,7 | 2 | 4 | fitness value",
    "huge            | 1,1990,2,99999999999999999999,20260115,3,7 | 2 | 4 | fitness value",
  })
  void read_badValue_namesLineAndColumn(String name, String row, int line, int column,
      String message) {
    RecordsFormatException e = fails(HEADER + row + "\n");
    assertEquals(line, e.line());
    assertEquals(column, e.column());
    assertTrue(e.getMessage().contains("line " + line + ", column " + column), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void read_wrongColumnCount_namesLine() {
    RecordsFormatException e = fails(HEADER + "1,1990,2,80,20260115,3,7\n2,1990,2,80,3,7\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("expected 7 columns, got 6"), e.getMessage());
  }

  @Test
  void read_unknownHeaderColumn_namesColumn() {
    RecordsFormatException e = fails(
        "subject_id,birth_year,blood_type,fitness,vax_date,clearance,issuer\n");
    assertEquals(1, e.line());
    assertEquals(3, e.column());
    assertTrue(e.getMessage().contains("blood_type"), e.getMessage());
  }

  @Test
  void read_repeatedHeaderColumn_isRejected() {
    RecordsFormatException e = fails(
        "subject_id,birth_year,fitness,fitness,vax_date,clearance,issuer\n");
    assertEquals(4, e.column());
  }

  @Test
  void read_duplicateSubject_namesBothLines() {
    RecordsFormatException e = fails(HEADER + "5,1990,2,80,20260115,3,7\n"
        + "6,1990,2,80,20260115,3,7\n5,1991,2,80,20260115,3,7\n");
    assertEquals(4, e.line());
    assertEquals(1, e.column());
    assertTrue(e.getMessage().contains("first on line 2"), e.getMessage());
  }

  @Test
  void read_emptyFile_isRejected() {
    assertEquals(1, fails("").line());
  }

  @Test
  void read_missingFile_isTypedError(@TempDir Path dir) {
    RegistryException e = assertThrows(RegistryException.class,
        () -> RecordsCsv.read(dir.resolve("nope.csv")));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  void read_notUtf8_isTypedError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 'a'});
    assertThrows(RegistryException.class, () -> RecordsCsv.read(f));
  }

  @Test
  void read_file_sameAsReader(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("r.csv");
    Files.writeString(f, HEADER + "1,1990,2,80,20260115,3,7\n", StandardCharsets.UTF_8);
    assertArrayEquals(read(HEADER + "1,1990,2,80,20260115,3,7\n").get(0),
        RecordsCsv.read(f).get(0));
  }

  private static final String DOC_A =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final String DOC_B =
      "60303AE22B998861BCE3B28F33EEC1BE758A213C86C93C076DBE9F558C11C752";

  @Test
  void readTable_documentColumn_givesSchema2WithDigestsInRowOrder() throws Exception {
    RecordsCsv.Table t = RecordsCsv.readTable(new StringReader(
        "subject_id,birth_year,blood_group,document_sha256,fitness,vax_date,clearance,issuer\n"
            + "1,1990,2," + DOC_A + ",80,20260115,3,7\n2,1991,1, " + DOC_B
            + " ,70,20260101,1,7\n"), "records.csv");
    assertEquals(io.pqzk.zk.claims.RecordSchema.V2, t.schema());
    assertArrayEquals(new long[] {1, 1990, 2, 80, 20260115, 3, 7}, t.rows().get(0));
    assertEquals(DOC_A, t.documents().get(0).hex());
    assertEquals(DOC_B.toLowerCase(java.util.Locale.ROOT), t.documents().get(1).hex());
  }

  @Test
  void readTable_withoutDocumentColumn_isSchema1() throws Exception {
    RecordsCsv.Table t = RecordsCsv.readTable(new StringReader(HEADER
        + "1,1990,2,80,20260115,3,7\n"), "records.csv");
    assertEquals(io.pqzk.zk.claims.RecordSchema.V1, t.schema());
    assertTrue(t.documents().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "63 digits        | 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
    "65 digits        | 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a088",
    "not hex          | zf86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "0x prefix        | 0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a",
    "empty            | ''",
  })
  void readTable_badDocument_namesLineAndColumn(String name, String doc) {
    RecordsFormatException e = assertThrows(RecordsFormatException.class,
        () -> RecordsCsv.readTable(new StringReader(HEADER.trim() + ",document_sha256\n"
            + "1,1990,2,80,20260115,3,7," + doc + "\n"), "records.csv"));
    assertEquals(2, e.line());
    assertEquals(8, e.column());
    assertTrue(e.getMessage().contains("document_sha256"), e.getMessage());
  }

  @Test
  void readTable_documentColumnTwice_isRejected() {
    RecordsFormatException e = assertThrows(RecordsFormatException.class,
        () -> RecordsCsv.readTable(new StringReader(HEADER.trim()
            + ",document_sha256,document_sha256\n"), "records.csv"));
    assertEquals(1, e.line());
  }

  @Test
  void read_schema1Reader_refusesADocumentColumn() {
    RecordsFormatException e = fails(HEADER.trim() + ",document_sha256\n1,1990,2,80,20260115,3,7,"
        + DOC_A + "\n");
    assertTrue(e.getMessage().contains("document_sha256"), e.getMessage());
  }
}
