package io.pqzk.bench.zk.baseline.security;

/** Which version of the (Winterfell) estimator formulas to apply. */
public enum Model {
  /**
   * Winterfell v0.12.0 to v0.13.1 ({@code air/src/proof/security.rs}): conjectured per ethSTARK
   * Eq. (19); proven = max(list-decoding bound of ePrint 2024/1553 Thm 2, unique-decoding bound
   * of Thm 3).
   */
  WINTERFELL,
  /**
   * Winterfell v0.8.0 to v0.11.0 ({@code air/src/proof/mod.rs}): field term reduced by the LDE
   * size in the conjectured value; list-decoding bound only, in the function field of rate
   * (h+2)/n.
   */
  WINTERFELL_LEGACY
}
