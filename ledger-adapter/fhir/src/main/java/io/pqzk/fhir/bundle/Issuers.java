package io.pqzk.fhir.bundle;

import io.pqzk.zk.claims.Attribute;
import java.util.Map;
import java.util.Optional;

/**
 * Where bundles come from, as issuer codes: the known sources (a URI as {@code Bundle.meta.source}
 * carries it, to the record's issuer code) and, for bundles that name no source, the one the
 * operator states for all of them (or none: then the issuer is absent).
 */
public record Issuers(Map<String, Long> codes, Optional<String> statedSource) {
  public Issuers {
    codes = Map.copyOf(codes);
    for (Map.Entry<String, Long> e : codes.entrySet()) {
      if (e.getValue() < 0 || e.getValue() >= Attribute.ABSENT) {
        throw new IllegalArgumentException("issuer code of " + e.getKey()
            + " is not in [0, 2^32 - 1)");
      }
    }
    if (statedSource.isPresent() && !codes.containsKey(statedSource.get())) {
      throw new IllegalArgumentException("the stated source " + statedSource.get()
          + " has no issuer code");
    }
  }

  /** No known source: every bundle's issuer is absent, or refused if it names a source. */
  public static Issuers none() {
    return new Issuers(Map.of(), Optional.empty());
  }
}
