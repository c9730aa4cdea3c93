package io.pqzk.sig;

import java.util.Locale;

/**
 * Every parameter set this library signs with: FIPS 204 ML-DSA, FIPS 205 SLH-DSA and the
 * ML-DSA + classical composites of the IETF lamps draft (draft-ietf-lamps-pq-composite-sigs)
 * that BouncyCastle 1.87 implements.
 *
 * <p>A value names a key type. HashML-DSA and HashSLH-DSA use the same keys as the pure
 * variants (FIPS 204 §5.4, FIPS 205 §10.2) and are selected by {@link
 * SignatureOptions#withPreHash(PreHash)}. Lengths are in bytes; {@code -1} means variable (the
 * ECDSA composites' DER signatures and RFC 5915 private keys). Composite public keys are the ML-DSA
 * key followed by the classical one (Ed25519 32, Ed448 57, uncompressed P-256 65 / P-384 97
 * bytes); composite private keys the ML-DSA seed followed by the classical key.
 */
public enum SignatureAlgorithm {
  ML_DSA_44("ML-DSA-44", Family.ML_DSA, 2, 1312, 2560, 2420, 32),
  ML_DSA_65("ML-DSA-65", Family.ML_DSA, 3, 1952, 4032, 3309, 32),
  ML_DSA_87("ML-DSA-87", Family.ML_DSA, 5, 2592, 4896, 4627, 32),

  SLH_DSA_SHA2_128S("SLH-DSA-SHA2-128s", Family.SLH_DSA, 1, 32, 64, 7856, 16),
  SLH_DSA_SHAKE_128S("SLH-DSA-SHAKE-128s", Family.SLH_DSA, 1, 32, 64, 7856, 16),
  SLH_DSA_SHA2_128F("SLH-DSA-SHA2-128f", Family.SLH_DSA, 1, 32, 64, 17088, 16),
  SLH_DSA_SHAKE_128F("SLH-DSA-SHAKE-128f", Family.SLH_DSA, 1, 32, 64, 17088, 16),
  SLH_DSA_SHA2_192S("SLH-DSA-SHA2-192s", Family.SLH_DSA, 3, 48, 96, 16224, 24),
  SLH_DSA_SHAKE_192S("SLH-DSA-SHAKE-192s", Family.SLH_DSA, 3, 48, 96, 16224, 24),
  SLH_DSA_SHA2_192F("SLH-DSA-SHA2-192f", Family.SLH_DSA, 3, 48, 96, 35664, 24),
  SLH_DSA_SHAKE_192F("SLH-DSA-SHAKE-192f", Family.SLH_DSA, 3, 48, 96, 35664, 24),
  SLH_DSA_SHA2_256S("SLH-DSA-SHA2-256s", Family.SLH_DSA, 5, 64, 128, 29792, 32),
  SLH_DSA_SHAKE_256S("SLH-DSA-SHAKE-256s", Family.SLH_DSA, 5, 64, 128, 29792, 32),
  SLH_DSA_SHA2_256F("SLH-DSA-SHA2-256f", Family.SLH_DSA, 5, 64, 128, 49856, 32),
  SLH_DSA_SHAKE_256F("SLH-DSA-SHAKE-256f", Family.SLH_DSA, 5, 64, 128, 49856, 32),

  /** ML-DSA-65 + Ed25519, pre-hash SHA-512 (BouncyCastle name {@code MLDSA65-Ed25519-SHA512}). */
  MLDSA65_ED25519_SHA512("MLDSA65-Ed25519-SHA512", Family.COMPOSITE, 3, 1984, 64, 3373, 32),
  /** ML-DSA-87 + ECDSA P-384, pre-hash SHA-512 ({@code MLDSA87-ECDSA-P384-SHA512}). */
  MLDSA87_ECDSA_P384_SHA512("MLDSA87-ECDSA-P384-SHA512", Family.COMPOSITE, 5, 2689, -1, -1, 32),
  /** ML-DSA-44 + Ed25519, pre-hash SHA-512 ({@code MLDSA44-Ed25519-SHA512}). */
  MLDSA44_ED25519_SHA512("MLDSA44-Ed25519-SHA512", Family.COMPOSITE, 2, 1344, 64, 2484, 32),
  /** ML-DSA-65 + ECDSA P-256, pre-hash SHA-512 ({@code MLDSA65-ECDSA-P256-SHA512}). */
  MLDSA65_ECDSA_P256_SHA512("MLDSA65-ECDSA-P256-SHA512", Family.COMPOSITE, 3, 2017, -1, -1, 32),
  /** ML-DSA-87 + Ed448, pre-hash SHAKE256 ({@code MLDSA87-Ed448-SHAKE256}). */
  MLDSA87_ED448_SHAKE256("MLDSA87-Ed448-SHAKE256", Family.COMPOSITE, 5, 2649, 89, 4741, 32);

  /** The standard an algorithm comes from. */
  public enum Family {
    /** FIPS 204 module-lattice signatures. */
    ML_DSA,
    /** FIPS 205 stateless hash-based signatures. */
    SLH_DSA,
    /** ML-DSA paired with a classical signature; both must verify. */
    COMPOSITE
  }

  private final String displayName;
  private final Family family;
  private final int category;
  private final int publicKeyLength;
  private final int privateKeyLength;
  private final int signatureLength;
  private final int securityParameter;

  SignatureAlgorithm(
      String displayName, Family family, int category, int pk, int sk, int sig, int n) {
    this.displayName = displayName;
    this.family = family;
    this.category = category;
    this.publicKeyLength = pk;
    this.privateKeyLength = sk;
    this.signatureLength = sig;
    this.securityParameter = n;
  }

  /** The standard name, e.g. {@code ML-DSA-65} or {@code SLH-DSA-SHAKE-128f}. */
  public String displayName() {
    return displayName;
  }

  public Family family() {
    return family;
  }

  /** NIST security category (1, 2, 3 or 5). */
  public int securityCategory() {
    return category;
  }

  /** Raw public key length (FIPS 204 Table 2, FIPS 205 Table 2, composite concatenation). */
  public int publicKeyLength() {
    return publicKeyLength;
  }

  /**
   * Raw private key length: the expanded ML-DSA key (FIPS 204 Table 2) or the SLH-DSA key
   * SK.seed||SK.prf||PK.seed||PK.root (FIPS 205 §9.1); for composites the seed and the classical
   * key, -1 where that key is DER (ECDSA).
   */
  public int privateKeyLength() {
    return privateKeyLength;
  }

  /** Signature length, or -1 for the ECDSA composites (their ECDSA half is DER, hence variable). */
  public int signatureLength() {
    return signatureLength;
  }

  /**
   * Length of the key-generation seed: 32 (ML-DSA xi) or 3n for SLH-DSA
   * (SK.seed||SK.prf||PK.seed, FIPS 205 Alg. 18 inputs).
   */
  public int seedLength() {
    return family == Family.SLH_DSA ? 3 * securityParameter : 32;
  }

  /**
   * Length of the signing randomness a caller may supply: rnd (32 bytes, FIPS 204 Alg. 2) for
   * ML-DSA, opt_rand/addrnd (n bytes, FIPS 205 Alg. 19) for SLH-DSA.
   */
  public int randomnessLength() {
    return securityParameter;
  }

  /** SLH-DSA security parameter n in bytes (16, 24, 32); 32 for the others. */
  public int securityParameter() {
    return securityParameter;
  }

  public boolean isMlDsa() {
    return family == Family.ML_DSA;
  }

  public boolean isSlhDsa() {
    return family == Family.SLH_DSA;
  }

  public boolean isComposite() {
    return family == Family.COMPOSITE;
  }

  /**
   * Looks an algorithm up by name, ignoring case, '-' and '_' (so {@code ML-DSA-65}, {@code
   * ml_dsa_65}, {@code MLDSA65}, {@code SLH-DSA-SHA2-128s} and the enum constant names all
   * work).
   *
   * @throws UnknownAlgorithmException if no algorithm has that name
   */
  public static SignatureAlgorithm fromName(String name) throws UnknownAlgorithmException {
    if (name == null) {
      throw new UnknownAlgorithmException("signature algorithm", "null");
    }
    String key = normalise(name);
    for (SignatureAlgorithm a : values()) {
      if (normalise(a.displayName).equals(key) || normalise(a.name()).equals(key)) {
        return a;
      }
    }
    throw new UnknownAlgorithmException("signature algorithm", name);
  }

  static String normalise(String s) {
    return s.replace("-", "").replace("_", "").replace("/", "").toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return displayName;
  }
}
