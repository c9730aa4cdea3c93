package io.pqzk.vectors;

/**
 * A loaded vector file of any supported format: {@link io.pqzk.vectors.acvp.AcvpVectorSet},
 * {@link io.pqzk.vectors.wycheproof.WycheproofMlDsaFile} or {@link io.pqzk.vectors.kat.KatFile}.
 */
public interface VectorSet {
  /** A short description of the format and kind, e.g. {@code ACVP ML-DSA sigGen (FIPS204)}. */
  String describe();

  /** The number of cases. */
  int size();
}
