package io.pqzk.zk.zokrates;

import java.util.Arrays;

/**
 * A compiled ZoKrates program in ZoKrates' own binary format (magic "ZOK\0", the same bytes the
 * ZoKrates CLI writes as {@code out}), its ABI (JSON, as {@code abi.json}) and its constraint count.
 */
public final class Artifacts {
  private final byte[] program;
  private final String abiJson;
  private final long constraintCount;
  private final ZoKratesOptions options;

  Artifacts(byte[] program, String abiJson, long constraintCount, ZoKratesOptions options) {
    this.program = program.clone();
    this.abiJson = abiJson;
    this.constraintCount = constraintCount;
    this.options = options;
  }

  /** Wraps a program read from disk (e.g. written by the ZoKrates CLI). */
  public static Artifacts of(byte[] program, String abiJson, ZoKratesOptions options) {
    return new Artifacts(program, abiJson, -1, options);
  }

  public byte[] program() {
    return program.clone();
  }

  public String abiJson() {
    return abiJson;
  }

  /** The number of constraints, or -1 when unknown. */
  public long constraintCount() {
    return constraintCount;
  }

  public ZoKratesOptions options() {
    return options;
  }

  byte[] programUnsafe() {
    return program;
  }

  @Override
  public String toString() {
    return "Artifacts[" + options.curve() + ", " + program.length + " bytes, "
        + constraintCount + " constraints]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Artifacts a && Arrays.equals(a.program, program);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(program);
  }
}
