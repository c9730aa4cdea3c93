package io.pqzk.ledger.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.Message;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.proto.Transaction;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link Canonical#parse} (parse dropping unknown fields, accept when the
 * message serializes back to the same bytes) accepts exactly what the full check accepts: shown
 * on the cases that motivate each half of the check, then on many random mutations of a real
 * transaction, each parsed both ways and from both a byte array and a ByteString.
 */
class CanonicalTest {
  private static final Transaction TX = Transaction.newBuilder()
      .setBody(ByteString.copyFrom(new byte[] {10, 3, 'a', 'b', 'c', 16, 7}))
      .setSignature(SignatureEnvelope.newBuilder().setAlgorithm("ML-DSA-65")
          .setKeyId(ByteString.copyFrom(new byte[32])).setContext(ByteString.copyFromUtf8("ctx"))
          .setSignature(ByteString.copyFrom(new byte[300])))
      .build();

  @Test
  void honestBytes_parseToTheSameMessage_fromArrayAndByteString() throws Exception {
    byte[] b = TX.toByteArray();
    assertEquals(TX, Canonical.parse(Transaction.parser(), b, "transaction"));
    assertEquals(TX, Canonical.parse(Transaction.parser(), ByteString.copyFrom(b), "tx"));
  }

  @Test
  void unknownFieldInsideANestedMessage_isRefused_andNamed() {
    // the envelope gains field 15 (varint 1): protobuf keeps it as an unknown field of the envelope
    byte[] env = append(TX.getSignature().toByteArray(), 15 << 3, 1);
    byte[] tx = Transaction.newBuilder().setBody(TX.getBody()).build().toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(tx);
    out.write(2 << 3 | 2);
    out.write(env.length & 0x7f | 0x80); // a two-byte varint length (the envelope is 300+ bytes)
    out.write(env.length >> 7);
    out.writeBytes(env);
    byte[] bad = out.toByteArray();
    for (ThrowingParse p : new ThrowingParse[] {
        () -> Canonical.parse(Transaction.parser(), bad, "transaction"),
        () -> Canonical.parse(Transaction.parser(), ByteString.copyFrom(bad), "transaction")}) {
      NonCanonicalException e = assertThrows(NonCanonicalException.class, p::run);
      assertEquals("transaction.signature carries unknown field(s) [15]", e.getMessage());
    }
  }

  @Test
  void duplicateField_isRefused() {
    byte[] twice = concat(TX.toByteArray(),
        Transaction.newBuilder().setBody(TX.getBody()).build().toByteArray());
    NonCanonicalException e = assertThrows(NonCanonicalException.class,
        () -> Canonical.parse(Transaction.parser(), twice, "transaction"));
    assertTrue(e.getMessage().contains("not in canonical encoding"), e.getMessage());
  }

  /**
   * A closed enum (proto2) keeps an unknown value as an unknown field even while unknown fields
   * are dropped, so the fast path would serialize it back and accept: such types take the full
   * check. descriptor.proto is proto2; every pqzk message is proto3.
   */
  @Test
  void closedEnums_takeTheFullCheck() {
    assertFalse(Canonical.open(FieldDescriptorProto.getDescriptor()));
    assertTrue(Canonical.open(Block.getDescriptor()));
    assertTrue(Canonical.open(Transaction.getDescriptor()));
    byte[] unknownType = {5 << 3, 99}; // field 5 (type) = 99, no such Type
    NonCanonicalException e = assertThrows(NonCanonicalException.class,
        () -> Canonical.parse(FieldDescriptorProto.parser(), unknownType, "field"));
    assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
  }

  @Test
  void randomMutations_fastAndFullCheckAgree() throws Exception {
    Random rnd = new Random(20261204);
    byte[] honest = TX.toByteArray();
    int accepted = 0;
    for (int n = 0; n < 20_000; n++) {
      byte[] m = mutate(honest, rnd);
      Object full = outcome(() -> Canonical.parseExplaining(Transaction.parser(), m, "t"));
      Object fast = outcome(() -> Canonical.parse(Transaction.parser(), m, "t"));
      Object shared = outcome(() -> Canonical.parse(Transaction.parser(), ByteString.copyFrom(m),
          "t"));
      assertEquals(full, fast, () -> "array path differs on " + Arrays.toString(m));
      assertEquals(full, shared, () -> "ByteString path differs on " + Arrays.toString(m));
      if (full instanceof Message) {
        accepted++;
        assertArrayEquals(m, ((Message) full).toByteArray());
      }
    }
    assertTrue(accepted > 100, "mutations that stay canonical: " + accepted);
  }

  private static byte[] mutate(byte[] b, Random rnd) {
    byte[] m = b.clone();
    switch (rnd.nextInt(4)) {
      case 0 -> m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
      case 1 -> m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
      case 2 -> m = Arrays.copyOf(m, rnd.nextInt(m.length));
      default -> {
        int at = rnd.nextInt(m.length + 1);
        byte[] ins = new byte[1 + rnd.nextInt(3)];
        rnd.nextBytes(ins);
        m = concat(concat(Arrays.copyOf(b, at), ins), Arrays.copyOfRange(b, at, b.length));
      }
    }
    return m;
  }

  /** The parsed message, or the refusal's message. */
  private static Object outcome(Parse p) {
    try {
      return p.run();
    } catch (NonCanonicalException e) {
      return e.getMessage();
    }
  }

  private interface Parse {
    Message run() throws NonCanonicalException;
  }

  private interface ThrowingParse {
    void run() throws NonCanonicalException;
  }

  private static byte[] append(byte[] b, int tag, int value) {
    return concat(b, new byte[] {(byte) tag, (byte) value});
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
