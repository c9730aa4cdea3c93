package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.proto.BlockHeader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * OpeningExportFuzzTest's timeout (reproducer {@code finding-number-exponent-1e1000000} in
 * ledger-records): protobuf's JSON parser reads a number into a uint64 field through {@code new
 * BigDecimal(text).toBigIntegerExact()}, so {@code 1e1000000} cost 24 s. Such numbers, bare or
 * quoted, are refused at once; ordinary JSON reads as before.
 */
class ProtoJsonTest {
  @Test
  void hugeExponents_refusedAtOnce_bareOrQuoted() {
    for (String json : new String[] {"{\"height\": 1e1000000}", "{\"height\": \"1e1000000\"}",
        "{\"height\": 1E+0000099999}", "{\"height\": \"-1e-5000\"}",
        "{\"height\": " + "9".repeat(65) + "}"}) {
      InvalidProtocolBufferException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
          () -> assertThrows(InvalidProtocolBufferException.class,
              () -> ProtoJson.merge(json, BlockHeader.newBuilder())), json);
      assertTrue(e.getMessage().contains("number"), e.getMessage());
    }
  }

  @Test
  void ordinaryJson_readsAsBefore() throws Exception {
    BlockHeader.Builder b = BlockHeader.newBuilder();
    ProtoJson.merge("{\"height\": \"12\", \"chainId\": \"e1000000 and 1e9999 in a string\"}", b);
    assertEquals(12, b.getHeight());
    BlockHeader.Builder c = BlockHeader.newBuilder();
    ProtoJson.merge("{\"height\": 1e3}", c);
    assertEquals(1000, c.getHeight());
  }
}
