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
}
