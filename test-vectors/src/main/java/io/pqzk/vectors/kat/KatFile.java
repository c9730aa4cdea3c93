package io.pqzk.vectors.kat;

import java.util.List;

/** The entries of one {@code .rsp} KAT file, in file order. */
public record KatFile(List<KatEntry> entries) implements io.pqzk.vectors.VectorSet {
  public KatFile {
    entries = List.copyOf(entries);
  }

  @Override
  public String describe() {
    return "FIPS 204 KAT (" + (hedged() ? "hedged" : "deterministic") + ", "
        + (hasContext() ? "with context" : "internal") + ")";
  }

  @Override
  public int size() {
    return entries.size();
  }

  /** True when the entries carry signing randomness ({@code rng}), i.e. hedged signing. */
  public boolean hedged() {
    return !entries.isEmpty() && entries.get(0).rng() != null;
  }

  /** True when the entries carry a context string (pure or pre-hash, not the internal functions). */
  public boolean hasContext() {
    return !entries.isEmpty() && entries.get(0).ctx() != null;
  }
}
