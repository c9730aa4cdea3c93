package io.pqzk.zk.zokrates;

import java.util.Arrays;

/**
 * A witness (ZoKrates' binary format): it contains the private inputs, so it is never printed and
 * can be wiped with {@link #destroy()}. Also carries the program's public output (JSON).
 */
public final class Witness {
  private final byte[] bytes;
  private final String outputJson;
  private volatile boolean destroyed;

  Witness(byte[] bytes, String outputJson) {
    this.bytes = bytes;
    this.outputJson = outputJson;
  }

  /** The program's return value as JSON (public). */
  public String outputJson() {
    return outputJson;
  }

  byte[] bytesUnsafe() {
    if (destroyed) {
      throw new IllegalStateException("witness destroyed");
    }
    return bytes;
  }

  /** Overwrites the witness bytes. */
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  @Override
  public String toString() {
    return "Witness[redacted]";
  }
}
