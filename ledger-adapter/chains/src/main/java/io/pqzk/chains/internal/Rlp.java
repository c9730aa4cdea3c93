package io.pqzk.chains.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recursive Length Prefix, as the Ethereum Yellow Paper defines it (appendix B), decoded
 * strictly: only the one canonical encoding of each item is accepted (a single byte below 0x80
 * is itself, short forms where they fit, no leading zero bytes in lengths), so one header has
 * exactly one encoding and therefore one hash. Items keep the exact bytes they were read from.
 */
public final class Rlp {
  private Rlp() {}

  /** A decoded item: a byte string or a list, with its whole encoding. */
  public static final class Item {
    private final byte[] encoding;
    private final byte[] bytes; // null for a list
    private final List<Item> items; // null for a string

    private Item(byte[] encoding, byte[] bytes, List<Item> items) {
      this.encoding = encoding;
      this.bytes = bytes;
      this.items = items;
    }

    public boolean isList() {
      return items != null;
    }

    /** The string's content; throws for a list. */
    public byte[] bytes() throws RlpException {
      if (bytes == null) {
        throw new RlpException("a list where a byte string belongs");
      }
      return bytes.clone();
    }

    /** The list's items; throws for a string. */
    public List<Item> items() throws RlpException {
      if (items == null) {
        throw new RlpException("a byte string where a list belongs");
      }
      return items;
    }

    /** The exact bytes this item was decoded from (or encoded to). */
    public byte[] encoding() {
      return encoding.clone();
    }
  }

  /** Not canonical RLP; the message says where. */
  public static final class RlpException extends Exception {
    private static final long serialVersionUID = 1L;

    public RlpException(String message) {
      super(message);
    }
  }

  /** Decodes exactly one item that spans all of {@code in}. */
  public static Item decode(byte[] in) throws RlpException {
    int[] pos = {0};
    Item it = read(in, pos, in.length, 0);
    if (pos[0] != in.length) {
      throw new RlpException((in.length - pos[0]) + " bytes after the item");
    }
    return it;
  }

  private static final int MAX_DEPTH = 16;

  private static Item read(byte[] in, int[] pos, int end, int depth) throws RlpException {
    if (depth > MAX_DEPTH) {
      throw new RlpException("lists nested deeper than " + MAX_DEPTH);
    }
    int start = pos[0];
    if (start >= end) {
      throw new RlpException("truncated at byte " + start);
    }
    int b = in[start] & 0xff;
    int headerLen;
    long len;
    boolean list;
    if (b < 0x80) {
      pos[0] = start + 1;
      return new Item(new byte[] {(byte) b}, new byte[] {(byte) b}, null);
    } else if (b <= 0xb7) {
      headerLen = 1;
      len = b - 0x80;
      list = false;
      if (len == 1 && start + 1 < end && (in[start + 1] & 0xff) < 0x80) {
        throw new RlpException("byte 0x" + Integer.toHexString(in[start + 1] & 0xff) + " at "
            + start + " must be encoded as itself");
      }
    } else if (b <= 0xbf) {
      int n = b - 0xb7;
      headerLen = 1 + n;
      len = longLength(in, start + 1, n, end);
      list = false;
    } else if (b <= 0xf7) {
      headerLen = 1;
      len = b - 0xc0;
      list = true;
    } else {
      int n = b - 0xf7;
      headerLen = 1 + n;
      len = longLength(in, start + 1, n, end);
      list = true;
    }
    long stop = (long) start + headerLen + len;
    if (stop > end) {
      throw new RlpException("item at byte " + start + " claims " + len + " bytes, "
          + (end - start - headerLen) + " remain");
    }
    int from = start + headerLen;
    byte[] encoding = java.util.Arrays.copyOfRange(in, start, (int) stop);
    pos[0] = (int) stop;
    if (!list) {
      return new Item(encoding, java.util.Arrays.copyOfRange(in, from, (int) stop), null);
    }
    List<Item> items = new ArrayList<>();
    int[] p = {from};
    while (p[0] < stop) {
      items.add(read(in, p, (int) stop, depth + 1));
    }
    return new Item(encoding, null, Collections.unmodifiableList(items));
  }

  private static long longLength(byte[] in, int at, int n, int end) throws RlpException {
    if (at + n > end) {
      throw new RlpException("truncated length at byte " + at);
    }
    if ((in[at] & 0xff) == 0) {
      throw new RlpException("length with a leading zero byte at " + at);
    }
    if (n > 4) {
      throw new RlpException("length of " + n + " bytes at " + at + " is beyond any block");
    }
    long len = 0;
    for (int i = 0; i < n; i++) {
      len = (len << 8) | (in[at + i] & 0xff);
    }
    if (len <= 55) {
      throw new RlpException("long form for a length of " + len + " at " + at);
    }
    return len;
  }

  /** The encoding of a byte string. */
  public static byte[] string(byte[] b) {
    if (b.length == 1 && (b[0] & 0xff) < 0x80) {
      return b.clone();
    }
    return withHeader(0x80, b);
  }

  /** The encoding of a list whose items are already encoded. */
  public static byte[] list(List<byte[]> encodedItems) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] e : encodedItems) {
      body.writeBytes(e);
    }
    return withHeader(0xc0, body.toByteArray());
  }

  /** The encoding of a non-negative integer: big-endian, no leading zeros (zero is empty). */
  public static byte[] integer(BigInteger v) {
    return string(unsigned(v));
  }

  /** Big-endian bytes of {@code v} without leading zeros. */
  public static byte[] unsigned(BigInteger v) {
    if (v.signum() < 0) {
      throw new IllegalArgumentException("negative");
    }
    byte[] b = v.toByteArray();
    int i = 0;
    while (i < b.length && b[i] == 0) {
      i++;
    }
    return java.util.Arrays.copyOfRange(b, i, b.length);
  }

  private static byte[] withHeader(int offset, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 9);
    if (body.length <= 55) {
      out.write(offset + body.length);
    } else {
      byte[] len = unsigned(BigInteger.valueOf(body.length));
      out.write(offset + 55 + len.length);
      out.writeBytes(len);
    }
    out.writeBytes(body);
    return out.toByteArray();
  }
}
