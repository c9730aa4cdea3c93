package io.pqzk.ledger.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parses protobuf messages that are signed, hashed or wrap signed bytes, accepting only their
 * canonical encoding: no unknown fields anywhere in the message, and serializing the parsed
 * message gives back exactly the bytes received (so no duplicate fields, no non-minimal varints,
 * no reordered fields, no default values written out). Two different byte strings can then never
 * stand for the same message: a signature or hash over the bytes is a signature over the message.
 */
public final class Canonical {
  private Canonical() {}

  /**
   * The message encoded by {@code bytes}.
   *
   * @throws NonCanonicalException naming {@code what} and the problem
   */
  public static <T extends Message> T parse(Parser<T> parser, byte[] bytes, String what)
      throws NonCanonicalException {
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

  /** Null when no message inside {@code m} has unknown fields, else where the first one is. */
  private static String unknownFields(Message m, String where) {
    if (!m.getUnknownFields().asMap().isEmpty()) {
      return where + " carries unknown field(s) " + m.getUnknownFields().asMap().keySet();
    }
    for (Map.Entry<com.google.protobuf.Descriptors.FieldDescriptor, Object> f
        : m.getAllFields().entrySet()) {
      if (f.getKey().getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
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
