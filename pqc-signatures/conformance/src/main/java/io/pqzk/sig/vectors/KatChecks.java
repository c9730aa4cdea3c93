package io.pqzk.sig.vectors;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.PreHash;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureProvider;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.vectors.kat.KatEntry;
import io.pqzk.vectors.kat.KatFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs FIPS 204 {@code .rsp} KAT files. Everything is read from the content: the parameter set
 * from the public key length; internal ("raw") when entries have no {@code ctx}; otherwise pure
 * ML-DSA or HashML-DSA, whichever the first entry's signature verifies under (trying pure, then
 * each pre-hash); hedged when entries carry {@code rng}, which is rnd itself. Each entry: keys
 * from {@code xi} must equal {@code pk}/{@code sk}, the signature must equal the one in
 * {@code sm} byte for byte, then verify.
 */
final class KatChecks {
  private final SignatureProvider provider;

  KatChecks(SignatureProvider provider) {
    this.provider = provider;
  }

  /** The cases, or one failing case when the file's mode cannot be recognised. */
  List<VectorCase> cases(KatFile f) throws PqSignatureException {
    List<VectorCase> out = new ArrayList<>();
    if (f.entries().isEmpty()) {
      return out;
    }
    SignatureAlgorithm alg = algorithm(f.entries().get(0).pk().length);
    SignatureOptions mode;
    try {
      mode = mode(alg, f);
    } catch (io.pqzk.sig.UnsupportedByProviderException e) {
      for (KatEntry entry : f.entries()) {
        out.add(new VectorCase("count " + entry.count(), () -> Verdicts.unsupported(e)));
      }
      return out;
    }
    for (KatEntry e : f.entries()) {
      out.add(new VectorCase("count " + e.count(), () -> mode == null
          ? Outcome.fail("the first entry's signature verifies neither as ML-DSA nor as HashML-DSA "
              + "with any pre-hash, so the file's mode is unknown")
          : entry(alg, mode, e)));
    }
    return out;
  }

  /** Describes the mode found, for the report. */
  String describe(KatFile f) throws PqSignatureException {
    SignatureAlgorithm alg = algorithm(f.entries().get(0).pk().length);
    SignatureOptions m;
    try {
      m = mode(alg, f);
    } catch (io.pqzk.sig.UnsupportedByProviderException e) {
      return alg + " KAT, mode not determinable with this provider";
    }
    String how = m == null ? "unknown mode"
        : m.input() == SignatureOptions.Input.INTERNAL ? "internal"
        : m.isPreHash() ? "HashML-DSA " + m.preHash() : "pure";
    return alg + " KAT, " + how + ", " + (f.hedged() ? "hedged" : "deterministic");
  }

  private static SignatureAlgorithm algorithm(int pkLength) throws PqSignatureException {
    for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
      if (a.isMlDsa() && a.publicKeyLength() == pkLength) {
        return a;
      }
    }
    throw new io.pqzk.sig.WrongLengthException("KAT public key (no ML-DSA set has it)", pkLength,
        SignatureAlgorithm.ML_DSA_65.publicKeyLength());
  }

  /** The options the file was made with (context added per entry), or null if none fits. */
  private SignatureOptions mode(SignatureAlgorithm alg, KatFile f) throws PqSignatureException {
    if (!f.hasContext()) {
      return SignatureOptions.defaults().withInput(SignatureOptions.Input.INTERNAL);
    }
    KatEntry e = f.entries().get(0);
    List<SignatureOptions> candidates = new ArrayList<>();
    candidates.add(SignatureOptions.defaults());
    for (PreHash h : PreHash.values()) {
      candidates.add(SignatureOptions.defaults().withPreHash(h));
    }
    var pk = io.pqzk.sig.PqPublicKey.fromRaw(alg, e.pk());
    for (SignatureOptions o : candidates) {
      try {
        provider.verifier(pk, o.withContext(e.ctx())).verify(e.msg(), e.signature());
        return o;
      } catch (SignatureVerificationException ignored) {
        // not this mode; try the next
      } catch (io.pqzk.sig.UnsupportedByProviderException unsupported) {
        if (!o.isPreHash()) {
          throw unsupported; // even pure ML-DSA with a context is out of reach: the caller skips the file
        }
      }
    }
    return null;
  }

  private Outcome entry(SignatureAlgorithm alg, SignatureOptions mode, KatEntry e)
      throws PqSignatureException {
    PqKeyPair kp = provider.keyPairFromSeed(alg, e.xi().clone());
    try {
      String d = Verdicts.diff("public key from xi", e.pk(), kp.publicKey().raw());
      if (d == null) {
        byte[] sk = kp.privateKey().expanded().orElse(new byte[0]);
        d = Verdicts.diff("private key from xi", e.sk(), sk);
        Arrays.fill(sk, (byte) 0);
      }
      if (d != null) {
        return Outcome.fail(d);
      }
      SignatureOptions o = e.ctx() == null ? mode : mode.withContext(e.ctx());
      o = e.rng() == null ? o.deterministic() : o.withRandomness(e.rng());
      byte[] sig = provider.signer(kp.privateKey(), o).sign(e.msg());
      d = Verdicts.diff("signature", e.signature(), sig);
      if (d != null) {
        return Outcome.fail(d);
      }
      provider.verifier(kp.publicKey(), o).verify(e.msg(), sig);
      return Outcome.pass();
    } catch (SignatureVerificationException ex) {
      return Outcome.fail("own signature does not verify: " + ex.getMessage());
    } finally {
      kp.privateKey().destroy();
    }
  }
}
