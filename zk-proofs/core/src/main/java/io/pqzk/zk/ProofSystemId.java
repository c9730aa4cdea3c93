package io.pqzk.zk;

import java.util.regex.Pattern;

/**
 * The id of a proof system ({@code stark}, {@code zokrates-groth16}): lowercase ASCII letters,
 * digits and dashes, 1 to 32 characters, so that it can stand in a genesis file, a protobuf
 * string and a command line unescaped.
 */
public record ProofSystemId(String value) implements Comparable<ProofSystemId> {
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  public ProofSystemId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not a proof system id: '" + value
          + "' (lowercase letters, digits and '-', 1 to 32 characters)");
    }
  }

  /** The id, or {@link UnavailableProofSystemException} naming the text when it is no id. */
  public static ProofSystemId parse(String text) throws UnavailableProofSystemException {
    if (text == null || !FORM.matcher(text).matches()) {
      throw new UnavailableProofSystemException("unknown proof system '" + text + "'");
    }
    return new ProofSystemId(text);
  }

  @Override
  public int compareTo(ProofSystemId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
