package io.pqzk.sig.jca;

import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.encoding.KeyCodec;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JCA provider "PQZK": {@code Signature} and {@code KeyFactory} for ML-DSA-44/65/87 and the
 * SLH-DSA sets, under their standard names ("ML-DSA-65", "SLH-DSA-SHA2-128f", ...), their OIDs
 * (RFC 9881, RFC 9909) and the family names "ML-DSA" and "SLH-DSA" (any parameter set, taken from
 * the key). See the package documentation for use.
 *
 * <p>Security: verification is FIPS 204 Algorithm 3 / FIPS 205 Algorithm 24 with the pure-Java
 * cores (ML-DSA, SLH-DSA-SHA2) or BouncyCastle (SLH-DSA-SHAKE); ML-DSA public keys are expanded
 * from their standard encoding only, never from anything supplied from outside. Signing is
 * hedged (FIPS 204 section 3.4), with the {@code SecureRandom} given to {@code initSign} or the
 * module's own.
 */
public final class PqzkProvider extends Provider {
  private static final long serialVersionUID = 1L;
  /** The provider name for {@code getInstance(algorithm, "PQZK")}. */
  public static final String NAME = "PQZK";

  public PqzkProvider() {
    super(NAME, "0.1", "pqzk: pure-Java ML-DSA and SLH-DSA-SHA2 verification (FIPS 204, FIPS 205)");
    Map<String, String> attributes = Map.of("SupportedKeyFormats", "X.509|PKCS#8");
    for (SignatureAlgorithm.Family family :
        List.of(SignatureAlgorithm.Family.ML_DSA, SignatureAlgorithm.Family.SLH_DSA)) {
      String familyName = family == SignatureAlgorithm.Family.ML_DSA ? "ML-DSA" : "SLH-DSA";
      putService(
          new PqzkService(this, "Signature", familyName, List.of(), attributes, family, null));
      putService(
          new PqzkService(this, "KeyFactory", familyName, List.of(), Map.of(), family, null));
      for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
        if (alg.family() != family) {
          continue;
        }
        List<String> aliases = new ArrayList<>();
        aliases.add(KeyCodec.oid(alg));
        aliases.add("OID." + KeyCodec.oid(alg));
        putService(new PqzkService(this, "Signature", alg.displayName(), aliases, attributes,
            family, alg));
        putService(new PqzkService(this, "KeyFactory", alg.displayName(), aliases, Map.of(),
            family, alg));
      }
    }
  }

  /** Makes the SPIs directly, so that they need neither be public nor be found by reflection. */
  private static final class PqzkService extends Service {
    private final SignatureAlgorithm.Family family;
    private final SignatureAlgorithm algorithm;

    PqzkService(Provider provider, String type, String name, List<String> aliases,
        Map<String, String> attributes, SignatureAlgorithm.Family family,
        SignatureAlgorithm algorithm) {
      super(provider, type, name, PqzkProvider.class.getName() + "$" + type, aliases, attributes);
      this.family = family;
      this.algorithm = algorithm;
    }

    @Override
    public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
      if (constructorParameter != null) {
        throw new java.security.InvalidParameterException(getType() + " takes no parameter");
      }
      switch (getType()) {
        case "Signature": return new PqzkSignatureSpi(family, algorithm);
        case "KeyFactory": return new PqzkKeyFactorySpi(family, algorithm);
        default: throw new NoSuchAlgorithmException(getType() + " " + getAlgorithm());
      }
    }
  }
}
