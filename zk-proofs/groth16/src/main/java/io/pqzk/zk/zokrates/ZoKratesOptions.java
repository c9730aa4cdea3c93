package io.pqzk.zk.zokrates;

import java.util.Objects;
import java.util.Set;

/**
 * Backend, curve and scheme of a ZoKrates operation, as zokrates-js names them. Checked against
 * what zokrates-js 1.1.9 supports: ark with g16, gm17, marlin on bn128, bls12_381, bls12_377,
 * bw6_761; bellman with g16 on bn128 only.
 */
public record ZoKratesOptions(String backend, String curve, String scheme) {
  private static final Set<String> CURVES = Set.of("bn128", "bls12_381", "bls12_377", "bw6_761");
  private static final Set<String> SCHEMES = Set.of("g16", "gm17", "marlin");

  public static final ZoKratesOptions G16_BN128 = new ZoKratesOptions("ark", "bn128", "g16");
  public static final ZoKratesOptions G16_BLS12_381 = new ZoKratesOptions("ark", "bls12_381", "g16");

  public ZoKratesOptions {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(curve, "curve");
    Objects.requireNonNull(scheme, "scheme");
    if (!CURVES.contains(curve)) {
      throw new IllegalArgumentException("unsupported curve " + curve + " (one of " + CURVES + ")");
    }
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException("unsupported scheme " + scheme + " (one of " + SCHEMES + ")");
    }
    if (backend.equals("bellman")) {
      if (!curve.equals("bn128") || !scheme.equals("g16")) {
        throw new IllegalArgumentException("bellman supports only g16 on bn128");
      }
    } else if (!backend.equals("ark")) {
      throw new IllegalArgumentException("unsupported backend " + backend + " (ark or bellman)");
    }
  }

  /** ark, g16, the given curve. */
  public static ZoKratesOptions g16(String curve) {
    return new ZoKratesOptions("ark", curve, "g16");
  }
}
