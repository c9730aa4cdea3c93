package io.pqzk.vectors.acvp;

import static io.pqzk.vectors.VectorIo.hex;
import static io.pqzk.vectors.VectorIo.optBool;
import static io.pqzk.vectors.VectorIo.optHex;
import static io.pqzk.vectors.VectorIo.optLong;
import static io.pqzk.vectors.VectorIo.optStr;
import static io.pqzk.vectors.VectorIo.str;

import com.google.gson.JsonObject;
import io.pqzk.vectors.VectorFormatException;

/** Builds the typed case records from a group and a (joined) test object. */
final class AcvpCases {
  private AcvpCases() {}

  static AcvpCase parse(AcvpKind kind, JsonObject g, JsonObject t, int tgId, int tcId)
      throws VectorFormatException {
    String ps = str(g, "parameterSet");
    switch (kind) {
      case ML_DSA_KEYGEN:
        return new MlDsaKeyGenCase(tgId, tcId, ps, hex(t, "seed"), optHex(t, "pk"), optHex(t, "sk"));
      case SLH_DSA_KEYGEN:
        return new SlhDsaKeyGenCase(tgId, tcId, ps, hex(t, "skSeed"), hex(t, "skPrf"),
            hex(t, "pkSeed"), optHex(t, "sk"), optHex(t, "pk"));
      case ML_DSA_SIGGEN: {
        AcvpSigMode mode = mode(g);
        boolean det = Boolean.TRUE.equals(optBool(g, "deterministic"));
        byte[] rnd = det ? new byte[32] : hex(t, "rnd");
        byte[] message = mode == AcvpSigMode.EXTERNAL_MU ? null : hex(t, "message");
        byte[] mu = mode == AcvpSigMode.EXTERNAL_MU ? hex(t, "mu") : null;
        return new MlDsaSigGenCase(tgId, tcId, ps, mode, det, hex(t, "sk"), message, mu,
            optHex(t, "context"), hashAlg(mode, t), rnd, optHex(t, "signature"));
      }
      case ML_DSA_SIGVER: {
        AcvpSigMode mode = mode(g);
        byte[] message = mode == AcvpSigMode.EXTERNAL_MU ? null : hex(t, "message");
        byte[] mu = mode == AcvpSigMode.EXTERNAL_MU ? hex(t, "mu") : null;
        return new MlDsaSigVerCase(tgId, tcId, ps, mode, hex(t, "pk"), message, mu,
            optHex(t, "context"), hashAlg(mode, t), hex(t, "signature"), optBool(t, "testPassed"),
            optStr(t, "reason"));
      }
      case SLH_DSA_SIGGEN: {
        AcvpSigMode mode = mode(g);
        boolean det = Boolean.TRUE.equals(optBool(g, "deterministic"));
        return new SlhDsaSigGenCase(tgId, tcId, ps, mode, det, hex(t, "sk"), message(t),
            optHex(t, "context"), hashAlg(mode, t), det ? null : hex(t, "additionalRandomness"),
            optHex(t, "signature"));
      }
      case SLH_DSA_SIGVER: {
        AcvpSigMode mode = mode(g);
        return new SlhDsaSigVerCase(tgId, tcId, ps, mode, hex(t, "pk"), message(t),
            optHex(t, "context"), hashAlg(mode, t), hex(t, "signature"), optBool(t, "testPassed"),
            optStr(t, "reason"));
      }
      default:
        throw new VectorFormatException("unsupported kind " + kind);
    }
  }

  private static AcvpSigMode mode(JsonObject g) throws VectorFormatException {
    return AcvpSigMode.of(optStr(g, "signatureInterface"), optStr(g, "preHash"),
        optBool(g, "externalMu"));
  }

  /** hashAlg only matters for pre-hash cases; internalProjection writes "none" elsewhere. */
  private static String hashAlg(AcvpSigMode mode, JsonObject t) throws VectorFormatException {
    return mode == AcvpSigMode.PRE_HASH ? str(t, "hashAlg") : null;
  }

  /**
   * The message; where {@code messageLength} (bits) is given it must agree with the hex, since a
   * bit length that is not a whole number of bytes would need a bit-oriented API.
   */
  private static byte[] message(JsonObject t) throws VectorFormatException {
    byte[] m = hex(t, "message");
    if (t.has("messageLength")) {
      long bits = optLong(t, "messageLength", -1);
      if (bits != 8L * m.length) {
        throw new VectorFormatException(
            "messageLength " + bits + " bits does not match the " + m.length + "-byte message");
      }
    }
    return m;
  }
}
