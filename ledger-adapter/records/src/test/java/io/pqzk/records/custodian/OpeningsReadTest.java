package io.pqzk.records.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pqzk.records.InvalidRecordInputException;
import org.junit.jupiter.api.Test;

/**
 * Exported openings a stranger wrote are refused in one line, before any hashing: the two cases
 * OpeningExportFuzzTest found (reproducers {@code finding-format-with-line-break} and {@code
 * finding-chain-id-over-255-bytes} in its inputs).
 */
class OpeningsReadTest {
  @Test
  void formatWithALineBreak_isShownEscaped() {
    InvalidRecordInputException e = assertThrows(InvalidRecordInputException.class,
        () -> Openings.read("{\"format\": \"pqzk-opening\\n/1\"}", "stark"));
    assertEquals("opening format is 'pqzk-opening\\u000a/1', expected pqzk-opening/1",
        e.getMessage());
  }

  @Test
  void chainIdOver255Bytes_isRefusedBeforeTheCommitmentIsHashed() {
    String json = "{\"format\": \"pqzk-opening/1\", \"chainId\": \"" + "c".repeat(256) + "\"}";
    InvalidRecordInputException e = assertThrows(InvalidRecordInputException.class,
        () -> Openings.read(json, "stark"));
    assertEquals("the opening's chain id is longer than 255 bytes", e.getMessage());
  }
}
