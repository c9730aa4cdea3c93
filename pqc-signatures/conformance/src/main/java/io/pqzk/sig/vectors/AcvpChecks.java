package io.pqzk.sig.vectors;

import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.PreHash;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureProvider;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.WrongLengthException;
import io.pqzk.vectors.acvp.AcvpCase;
import io.pqzk.vectors.acvp.AcvpSigMode;
import io.pqzk.vectors.acvp.MlDsaKeyGenCase;
import io.pqzk.vectors.acvp.MlDsaSigGenCase;
import io.pqzk.vectors.acvp.MlDsaSigVerCase;
import io.pqzk.vectors.acvp.SlhDsaKeyGenCase;
import io.pqzk.vectors.acvp.SlhDsaSigGenCase;
import io.pqzk.vectors.acvp.SlhDsaSigVerCase;
import java.util.Arrays;

/**
 * Runs ACVP cases through the signature API. keyGen: keys from the seed must equal the answers
 * byte for byte. sigGen: the signature must equal the answer (when the set has answers) and then
 * verify under the key's public key. sigVer: the verdict must match {@code testPassed}, a
 * rejection being a {@link SignatureVerificationException}.
 */
final class AcvpChecks {
  private final SignatureProvider provider;

  AcvpChecks(SignatureProvider provider) {
    this.provider = provider;
  }

  Outcome run(AcvpCase c) throws Exception {
    if (c instanceof MlDsaKeyGenCase k) {
      return keyGen(k.parameterSet(), k.seed(), k.pk(), k.sk());
    }
    if (c instanceof SlhDsaKeyGenCase k) {
      return keyGen(k.parameterSet(), concat(k.skSeed(), k.skPrf(), k.pkSeed()), k.pk(), k.sk());
    }
    if (c instanceof MlDsaSigGenCase g) {
      SignatureAlgorithm alg = SignatureAlgorithm.fromName(g.parameterSet());
      PqPrivateKey key = provider.privateKeyFromExpanded(alg, g.sk().clone());
      try {
        SignatureOptions o = options(g.mode(), g.context(), g.hashAlg());
        o = g.deterministic() ? o.deterministic() : o.withRandomness(g.rnd());
        byte[] input = g.mode() == AcvpSigMode.EXTERNAL_MU ? g.mu() : g.message();
        return signThenVerify(key, key.publicKey(), o, input, g.signature());
      } finally {
        key.destroy();
      }
    }
    if (c instanceof SlhDsaSigGenCase g) {
      SignatureAlgorithm alg = SignatureAlgorithm.fromName(g.parameterSet());
      PqPrivateKey key = provider.privateKeyFromExpanded(alg, g.sk().clone());
      try {
        // FIPS 205 §9.1: sk = SK.seed || SK.prf || PK.seed || PK.root; verify with the pk inside it,
        // not the one the API derived, so a wrong derivation cannot hide a wrong signature.
        int n = alg.securityParameter();
        PqPublicKey pk = PqPublicKey.fromRaw(alg, Arrays.copyOfRange(g.sk(), 2 * n, 4 * n));
        SignatureOptions o = options(g.mode(), g.context(), g.hashAlg());
        o = g.deterministic() ? o.deterministic() : o.withRandomness(g.additionalRandomness());
        return signThenVerify(key, pk, o, g.message(), g.signature());
      } finally {
        key.destroy();
      }
    }
    if (c instanceof MlDsaSigVerCase v) {
      byte[] input = v.mode() == AcvpSigMode.EXTERNAL_MU ? v.mu() : v.message();
      return sigVer(v.parameterSet(), v.pk(), options(v.mode(), v.context(), v.hashAlg()), input,
          v.signature(), v.testPassed(), v.reason());
    }
    if (c instanceof SlhDsaSigVerCase v) {
      return sigVer(v.parameterSet(), v.pk(), options(v.mode(), v.context(), v.hashAlg()),
          v.message(), v.signature(), v.testPassed(), v.reason());
    }
    return Outcome.skip("unsupported ACVP case type " + c.getClass().getSimpleName());
  }

  private Outcome keyGen(String parameterSet, byte[] seed, byte[] pk, byte[] sk)
      throws PqSignatureException {
    if (pk == null && sk == null) {
      return Outcome.skip("no expected keys (prompt without expectedResults)");
    }
    PqKeyPair kp = provider.keyPairFromSeed(SignatureAlgorithm.fromName(parameterSet), seed.clone());
    try {
      String d = pk == null ? null : Verdicts.diff("public key", pk, kp.publicKey().raw());
      if (d == null && sk != null) {
        byte[] expanded = kp.privateKey().expanded().orElse(null);
        if (expanded == null) {
          return Outcome.fail("the API gave no expanded private key to compare");
        }
        d = Verdicts.diff("private key", sk, expanded);
        Arrays.fill(expanded, (byte) 0);
      }
      return d == null ? Outcome.pass() : Outcome.fail(d);
    } finally {
      kp.privateKey().destroy();
    }
  }

  private Outcome signThenVerify(
      PqPrivateKey key, PqPublicKey pk, SignatureOptions o, byte[] input, byte[] expected)
      throws PqSignatureException {
    byte[] sig = provider.signer(key, o).sign(input);
    if (expected != null) {
      String d = Verdicts.diff("signature", expected, sig);
      if (d != null) {
        return Outcome.fail(d);
      }
    }
    try {
      provider.verifier(pk, o).verify(input, sig);
    } catch (SignatureVerificationException e) {
      return Outcome.fail("own signature does not verify: " + e.getMessage());
    }
    return Outcome.pass();
  }

  private Outcome sigVer(String parameterSet, byte[] pkRaw, SignatureOptions o, byte[] input,
      byte[] sig, Boolean testPassed, String reason) throws PqSignatureException {
    if (testPassed == null) {
      return Outcome.skip("no expected verdict (prompt without expectedResults)");
    }
    SignatureAlgorithm alg = SignatureAlgorithm.fromName(parameterSet);
    if (testPassed) {
      PqPublicKey pk = PqPublicKey.fromRaw(alg, pkRaw);
      try {
        provider.verifier(pk, o).verify(input, sig);
        return Outcome.pass();
      } catch (SignatureVerificationException e) {
        return Outcome.fail("valid signature rejected: " + e.getMessage());
      }
    }
    String what = "invalid signature" + (reason == null ? "" : " (" + reason + ")");
    return Verdicts.expectRejected(what,
        () -> {
          provider.verifier(PqPublicKey.fromRaw(alg, pkRaw), o).verify(input, sig);
          return Outcome.pass();
        },
        SignatureVerificationException.class, WrongLengthException.class, MalformedKeyException.class);
  }

  /** Options for an ACVP mode; context is null for internal cases. */
  static SignatureOptions options(AcvpSigMode mode, byte[] context, String hashAlg)
      throws PqSignatureException {
    SignatureOptions o = SignatureOptions.defaults();
    switch (mode) {
      case INTERNAL:
        return o.withInput(SignatureOptions.Input.INTERNAL);
      case EXTERNAL_MU:
        return o.withInput(SignatureOptions.Input.EXTERNAL_MU);
      case PRE_HASH:
        o = o.withPreHash(PreHash.fromName(hashAlg));
        break;
      default:
        break;
    }
    return context == null ? o : o.withContext(context);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
