package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.SignatureProvider.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random (key, message, context) triples: the {@code pqzk} provider's verdict must equal
 * BouncyCastle's (and the JDK's, for the empty context it supports) on the valid signature and on
 * each of its mutations: one bit of the signature, one bit of the message, the context changed,
 * one byte of the hint encoding replaced. Every triple has its own key, so the key cache sees
 * misses (a new key) and hits (the same key for the mutations). Seeds are fixed per triple, so a
 * disagreement is reproducible from the message that reports it.
 *
 * <p>The default run checks {@value #DEFAULT_TRIPLES} triples per parameter set; the {@code slow}
 * run ({@code -Dexhaustive}) 100,000.
 */
class PqzkCrossCheckTest {
  static final int DEFAULT_TRIPLES = 2000;

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void randomTriples_sameVerdictsAsBouncyCastleAndJdk(SignatureAlgorithm alg) throws Exception {
    check(alg, Integer.getInteger("pqzk.crosscheck.triples", DEFAULT_TRIPLES), 1);
  }

  @Tag("slow")
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void hundredThousandTriples_sameVerdicts(SignatureAlgorithm alg) throws Exception {
    check(alg, 100_000, 1_000_000_007L);
  }

  private static void check(SignatureAlgorithm alg, int triples, long seed) throws Exception {
    SignatureProvider pqzk = Signatures.provider("pqzk");
    SignatureProvider bc = Signatures.provider("bc");
    SignatureProvider jdk = Signatures.availableProviders().contains("jdk") ? Signatures.provider("jdk") : null;
    List<String> disagreements = Collections.synchronizedList(new ArrayList<>());
    AtomicLong compared = new AtomicLong();
    AtomicLong jdkCompared = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(pool.submit(() -> {
          for (int i = first; i < triples; i += threads) {
            try {
              triple(alg, seed + i, pqzk, bc, jdk, disagreements, compared, jdkCompared, accepted);
            } catch (Exception e) {
              disagreements.add("triple " + (seed + i) + ": " + e);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("[cross-check] %s: %d triples, %d verdicts compared pqzk vs bc, %d also vs jdk,"
        + " %d accepted, %d disagreements, %.1f s%n", alg, triples, compared.get(), jdkCompared.get(),
        accepted.get(), disagreements.size(), s);
    assertEquals(List.of(), disagreements.subList(0, Math.min(20, disagreements.size())));
    assertTrue(accepted.get() >= triples, "every valid signature must be accepted");
  }

  private static void triple(SignatureAlgorithm alg, long seed, SignatureProvider pqzk,
      SignatureProvider bc, SignatureProvider jdk, List<String> disagreements, AtomicLong compared,
      AtomicLong jdkCompared, AtomicLong accepted) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] xi = bytes(rnd, 32);
    byte[] msg = bytes(rnd, rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1, 300));
    byte[] ctx = bytes(rnd, rnd.nextBoolean() ? 0 : rnd.nextInt(1, 256));
    PqKeyPair kp = bc.keyPairFromSeed(alg, xi);
    SignatureOptions o = SignatureOptions.defaults().withContext(ctx);
    byte[] sig = bc.signer(kp.privateKey(), o.deterministic()).sign(msg);
    kp.privateKey().destroy();

    byte[] badSig = sig.clone();
    badSig[rnd.nextInt(sig.length)] ^= (byte) (1 << rnd.nextInt(8));
    byte[] badMsg = msg.length == 0 ? new byte[] {0} : msg.clone();
    if (msg.length > 0) {
      badMsg[rnd.nextInt(msg.length)] ^= (byte) (1 << rnd.nextInt(8));
    }
    byte[] otherCtx = ctx.length == 0 ? new byte[] {(byte) rnd.nextInt(256)} : ctx.clone();
    if (ctx.length > 0) {
      otherCtx[rnd.nextInt(ctx.length)] ^= (byte) (1 << rnd.nextInt(8));
    }
    byte[] badHint = sig.clone();
    int hintBytes = alg == SignatureAlgorithm.ML_DSA_44 ? 84 : alg == SignatureAlgorithm.ML_DSA_65 ? 61 : 83;
    badHint[sig.length - 1 - rnd.nextInt(hintBytes)] = (byte) rnd.nextInt(256);

    Object[][] cases = {
      {"valid", msg, o, sig}, {"signature bit", msg, o, badSig}, {"message bit", badMsg, o, sig},
      {"context", msg, SignatureOptions.defaults().withContext(otherCtx), sig},
      {"hint byte", msg, o, badHint},
    };
    for (Object[] c : cases) {
      byte[] m = (byte[]) c[1];
      SignatureOptions opts = (SignatureOptions) c[2];
      byte[] s = (byte[]) c[3];
      boolean p = verdict(pqzk, kp.publicKey(), opts, m, s);
      boolean b = verdict(bc, kp.publicKey(), opts, m, s);
      compared.incrementAndGet();
      if (p != b) {
        disagreements.add("triple " + seed + " " + c[0] + ": pqzk " + p + ", bc " + b);
      }
      if (jdk != null && opts.contextLength() == 0 && jdk.supports(Operation.VERIFY, alg, opts)) {
        boolean j = verdict(jdk, kp.publicKey(), opts, m, s);
        jdkCompared.incrementAndGet();
        if (p != j) {
          disagreements.add("triple " + seed + " " + c[0] + ": pqzk " + p + ", jdk " + j);
        }
      }
      if (c[0].equals("valid")) {
        if (!p) {
          disagreements.add("triple " + seed + ": valid signature rejected");
        }
        accepted.incrementAndGet();
      }
    }
  }

  private static boolean verdict(SignatureProvider p, PqPublicKey pk, SignatureOptions o,
      byte[] msg, byte[] sig) throws PqSignatureException {
    try {
      p.verifier(pk, o).verify(msg, sig);
      return true;
    } catch (SignatureVerificationException e) {
      return false;
    }
  }

  private static byte[] bytes(SplittableRandom rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }
}
