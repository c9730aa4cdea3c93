package io.pqzk.sig.internal;

import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.UnknownAlgorithmException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/**
 * Algorithm identifiers: RFC 9881 (ML-DSA, 2.16.840.1.101.3.4.3.17-19), RFC 9909 (SLH-DSA,
 * 2.16.840.1.101.3.4.3.20-31) and the composite draft's id-pkix arc as BouncyCastle 1.87
 * assigns it.
 */
public final class Oids {
  private static final Map<SignatureAlgorithm, ASN1ObjectIdentifier> BY_ALG =
      new EnumMap<>(SignatureAlgorithm.class);
  private static final Map<String, SignatureAlgorithm> BY_OID = new HashMap<>();

  static {
    put(SignatureAlgorithm.ML_DSA_44, NISTObjectIdentifiers.id_ml_dsa_44);
    put(SignatureAlgorithm.ML_DSA_65, NISTObjectIdentifiers.id_ml_dsa_65);
    put(SignatureAlgorithm.ML_DSA_87, NISTObjectIdentifiers.id_ml_dsa_87);
    put(SignatureAlgorithm.SLH_DSA_SHA2_128S, NISTObjectIdentifiers.id_slh_dsa_sha2_128s);
    put(SignatureAlgorithm.SLH_DSA_SHA2_128F, NISTObjectIdentifiers.id_slh_dsa_sha2_128f);
    put(SignatureAlgorithm.SLH_DSA_SHA2_192S, NISTObjectIdentifiers.id_slh_dsa_sha2_192s);
    put(SignatureAlgorithm.SLH_DSA_SHA2_192F, NISTObjectIdentifiers.id_slh_dsa_sha2_192f);
    put(SignatureAlgorithm.SLH_DSA_SHA2_256S, NISTObjectIdentifiers.id_slh_dsa_sha2_256s);
    put(SignatureAlgorithm.SLH_DSA_SHA2_256F, NISTObjectIdentifiers.id_slh_dsa_sha2_256f);
    put(SignatureAlgorithm.SLH_DSA_SHAKE_128S, NISTObjectIdentifiers.id_slh_dsa_shake_128s);
    put(SignatureAlgorithm.SLH_DSA_SHAKE_128F, NISTObjectIdentifiers.id_slh_dsa_shake_128f);
    put(SignatureAlgorithm.SLH_DSA_SHAKE_192S, NISTObjectIdentifiers.id_slh_dsa_shake_192s);
    put(SignatureAlgorithm.SLH_DSA_SHAKE_192F, NISTObjectIdentifiers.id_slh_dsa_shake_192f);
    put(SignatureAlgorithm.SLH_DSA_SHAKE_256S, NISTObjectIdentifiers.id_slh_dsa_shake_256s);
    put(SignatureAlgorithm.SLH_DSA_SHAKE_256F, NISTObjectIdentifiers.id_slh_dsa_shake_256f);
    ASN1ObjectIdentifier pkix = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.6");
    put(SignatureAlgorithm.MLDSA44_ED25519_SHA512, pkix.branch("39"));
    put(SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512, pkix.branch("45"));
    put(SignatureAlgorithm.MLDSA65_ED25519_SHA512, pkix.branch("48"));
    put(SignatureAlgorithm.MLDSA87_ECDSA_P384_SHA512, pkix.branch("49"));
    put(SignatureAlgorithm.MLDSA87_ED448_SHAKE256, pkix.branch("51"));
  }

  private Oids() {}

  private static void put(SignatureAlgorithm alg, ASN1ObjectIdentifier oid) {
    BY_ALG.put(alg, oid);
    BY_OID.put(oid.getId(), alg);
  }

  public static ASN1ObjectIdentifier of(SignatureAlgorithm alg) {
    return BY_ALG.get(alg);
  }

  public static SignatureAlgorithm algorithm(String oid) throws UnknownAlgorithmException {
    SignatureAlgorithm a = BY_OID.get(oid);
    if (a == null) {
      throw new UnknownAlgorithmException("signature algorithm OID", oid);
    }
    return a;
  }
}
