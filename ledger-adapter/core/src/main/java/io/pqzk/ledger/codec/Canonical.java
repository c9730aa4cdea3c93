package io.pqzk.ledger.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DiscardUnknownFieldsParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses protobuf messages that are signed, hashed or wrap signed bytes, accepting only their
 * canonical encoding: no unknown fields anywhere in the message, and serializing the parsed
 * message gives back exactly the bytes received (so no duplicate fields, no non-minimal varints,
 * no reordered fields, no default values written out). Two different byte strings can then never
 * stand for the same message: a signature or hash over the bytes is a signature over the message.
 *
 * <p>Validators parse every transaction of every block this way, so the common case is made
 * cheap: the bytes are parsed once with unknown fields dropped, and the message is accepted when
 * it serializes back to exactly those bytes. That holds only if they carried no unknown field at
 * any depth (a dropped field would be missing from the serialization) and were canonical, so it
 * accepts exactly the inputs the full check accepts, without walking the message by reflection.
 * Anything else goes through the full check, which names the problem. (Messages with a closed
 * enum, which keeps unknown values as unknown fields even when those are dropped, always take
 * the full check; every pqzk message is proto3, whose enums are open.)
 */
public final class Canonical {
  private Canonical() {}

  /** Message types the fast path is exact for (no closed enum anywhere inside), by descriptor. */
  private static final Map<Descriptor, Boolean> OPEN = new ConcurrentHashMap<>();

  /**
   * The message encoded by {@code bytes}.
   *
   * @throws NonCanonicalException naming {@code what} and the problem
   */
  public static <T extends Message> T parse(Parser<T> parser, byte[] bytes, String what)
      throws NonCanonicalException {
    T known = parseKnownFields(parser, CodedInputStream.newInstance(bytes));
    if (known != null && open(known.getDescriptorForType())
        && Arrays.equals(known.toByteArray(), bytes)) {
      return known;
    }
    return parseExplaining(parser, bytes, what);
  }

  /**
   * As {@link #parse(Parser, byte[], String)}, from bytes held in an immutable {@link
   * ByteString} (a field of an enclosing message): the message's own {@code bytes} fields share
   * its storage instead of copying it.
   */
  public static <T extends Message> T parse(Parser<T> parser, ByteString bytes, String what)
      throws NonCanonicalException {
    CodedInputStream in = bytes.newCodedInput();
    in.enableAliasing(true);
    T known = parseKnownFields(parser, in);
    // compared as buffers: ByteString.equals compares byte by byte, ByteBuffer.equals vectorized
    if (known != null && open(known.getDescriptorForType())
        && ByteBuffer.wrap(known.toByteArray()).equals(bytes.asReadOnlyByteBuffer())) {
      return known;
    }
    return parseExplaining(parser, bytes.toByteArray(), what);
  }

  /** The message without any unknown field, or null if the bytes do not parse. */
  private static <T extends Message> T parseKnownFields(Parser<T> parser, CodedInputStream in) {
    try {
      T m = DiscardUnknownFieldsParser.wrap(parser).parseFrom(in);
      in.checkLastTagWas(0);
      return m;
    } catch (InvalidProtocolBufferException e) {
      return null; // the full check says why
    }
  }

  /** The full check, with a message naming the first problem found (package-private for tests). */
  static <T extends Message> T parseExplaining(Parser<T> parser, byte[] bytes,
      String what) throws NonCanonicalException {
    T m;
    try {
      m = parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new NonCanonicalException(what + " is not valid protobuf: " + e.getMessage());
    }
    String unknown = unknownFields(m, what);
    if (unknown != null) {
      throw new NonCanonicalException(unknown);
    }
    if (!Arrays.equals(m.toByteArray(), bytes)) {
      throw new NonCanonicalException(what + " is not in canonical encoding (it does not"
          + " re-serialize to the bytes received: duplicate or reordered fields, non-minimal"
          + " varints or default values written out)");
    }
    return m;
  }

  /** True when no enum field of {@code d}, or of any message inside it, is closed. */
  static boolean open(Descriptor d) {
    return OPEN.computeIfAbsent(d, k -> open(k, new HashSet<>())); // the walk leaves OPEN alone
  }

  private static boolean open(Descriptor d, Set<Descriptor> seen) {
    if (!seen.add(d)) {
      return true;
    }
    for (FieldDescriptor f : d.getFields()) {
      if (f.getJavaType() == FieldDescriptor.JavaType.ENUM && f.getEnumType().isClosed()) {
        return false;
      }
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !open(f.getMessageType(), seen)) {
        return false;
      }
    }
    return true;
  }

  /** Null when no message inside {@code m} has unknown fields, else where the first one is. */
  private static String unknownFields(Message m, String where) {
    if (!m.getUnknownFields().asMap().isEmpty()) {
      return where + " carries unknown field(s) " + m.getUnknownFields().asMap().keySet();
    }
    for (Map.Entry<FieldDescriptor, Object> f : m.getAllFields().entrySet()) {
      if (f.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      List<?> values = f.getKey().isRepeated() ? (List<?>) f.getValue() : List.of(f.getValue());
      for (Object v : values) {
        String inner = unknownFields((Message) v, where + "." + f.getKey().getName());
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }
}
