package io.pqzk.records.custodian;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.records.InvalidRecordInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Exported openings (vault.proto's {@code ExportedOpening}, protobuf JSON) through {@link
 * Openings#read}, as {@code pqzk claim prove --opening} reads the file {@code pqzk records
 * opening} wrote: checked (the attributes and salt hash to the commitment named, the path
 * reaches the root named), or refused with {@link InvalidRecordInputException} in one line.
 * Seeds: the real exports of the fuzz custodian's two records ({@link RecordsSeeds}).
 */
class OpeningExportFuzzTest {
  @FuzzTest
  @Timeout(20)
  void read(byte[] input) {
    try {
      Openings.read(new String(input, StandardCharsets.UTF_8), "stark");
    } catch (InvalidRecordInputException refused) {
      CustodianRequestFuzzTest.oneLine(refused.getMessage());
    }
  }
}
