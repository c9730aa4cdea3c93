package io.pqzk.bench.zk.baseline.internal;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.bench.zk.baseline.field.Ext3;
import io.pqzk.bench.zk.baseline.field.Goldilocks;
import java.io.ByteArrayOutputStream;

/** Little-endian encoding of field elements, and a bounds-checked reader for proofs. */
public final class Codec {
  private Codec() {}

  public static void putLong(byte[] b, int off, long v) {
    for (int i = 0; i < 8; i++) {
      b[off + i] = (byte) (v >>> (8 * i));
    }
  }

  public static long getLong(byte[] b, int off) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }

  /** 8-byte little-endian length, then the bytes. */
  public static byte[] lengthPrefixed(byte[] data) {
    byte[] out = new byte[8 + data.length];
    putLong(out, 0, data.length);
    System.arraycopy(data, 0, out, 8, data.length);
    return out;
  }

  public static void putExt(byte[] b, int off, Ext3 e) {
    putLong(b, off, e.a0);
    putLong(b, off + 8, e.a1);
    putLong(b, off + 16, e.a2);
  }

  /** Growable output. */
  public static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);

    public Writer bytes(byte[] b) {
      out.write(b, 0, b.length);
      return this;
    }

    public Writer u8(int v) {
      out.write(v);
      return this;
    }

    public Writer u16(int v) {
      out.write(v & 0xFF);
      out.write((v >>> 8) & 0xFF);
      return this;
    }

    public Writer base(long v) {
      byte[] b = new byte[8];
      putLong(b, 0, v);
      return bytes(b);
    }

    public Writer ext(Ext3 e) {
      byte[] b = new byte[24];
      putExt(b, 0, e);
      return bytes(b);
    }

    public byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** Reads a proof; every read checks bounds and canonicity and throws a typed exception. */
  public static final class Reader {
    private final byte[] b;
    private int pos;

    public Reader(byte[] b) {
      this.b = b;
    }

    private void need(int n, String what) throws MalformedProofException {
      if (n < 0 || b.length - pos < n) {
        throw new MalformedProofException("proof truncated while reading " + what + " at byte "
            + pos + " of " + b.length);
      }
    }

    public byte[] bytes(int n, String what) throws MalformedProofException {
      need(n, what);
      byte[] out = new byte[n];
      System.arraycopy(b, pos, out, 0, n);
      pos += n;
      return out;
    }

    public int u8(String what) throws MalformedProofException {
      need(1, what);
      return b[pos++] & 0xFF;
    }

    public int u16(String what) throws MalformedProofException {
      need(2, what);
      int v = (b[pos] & 0xFF) | ((b[pos + 1] & 0xFF) << 8);
      pos += 2;
      return v;
    }

    public long rawLong(String what) throws MalformedProofException {
      need(8, what);
      long v = getLong(b, pos);
      pos += 8;
      return v;
    }

    public long base(String what) throws MalformedProofException {
      long v = rawLong(what);
      if (!Goldilocks.isCanonical(v)) {
        throw new MalformedProofException("non-canonical field element in " + what + " at byte "
            + (pos - 8));
      }
      return v;
    }

    public Ext3 ext(String what) throws MalformedProofException {
      return Ext3.of(base(what), base(what), base(what));
    }

    public void end() throws MalformedProofException {
      if (pos != b.length) {
        throw new MalformedProofException(
            "proof has " + (b.length - pos) + " trailing bytes after byte " + pos);
      }
    }
  }
}
