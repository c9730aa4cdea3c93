package io.pqzk.sig.internal.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.internal.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The expanded-key cache: bounded, least recently used out first, one entry per exact encoding
 * (one byte differs: another entry, which does not verify the first key's signatures), safe
 * under many verifiers at once, and never holding anything but the expansion of its key.
 */
class MlDsaKeyCacheTest {
  private static final MlDsaParams P = MlDsaParams.ML_DSA_44;
  private static final byte[] MSG = "cache test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int KEYS = 24;
  private static byte[][] pks = new byte[KEYS][];
  private static byte[][] mus = new byte[KEYS][];
  private static byte[][] sigs = new byte[KEYS][];

  @BeforeAll
  static void keys() throws Exception {
    for (int i = 0; i < KEYS; i++) {
      byte[] xi = new byte[32];
      xi[0] = (byte) i;
      PqKeyPair kp = Signatures.keyPairFromSeed(SignatureAlgorithm.ML_DSA_44, xi);
      pks[i] = kp.publicKey().raw();
      sigs[i] = Signatures.signer(kp.privateKey(), SignatureOptions.defaults()).sign(MSG);
      mus[i] = MessageFormat.mu(MessageFormat.tr(pks[i]), MSG, SignatureOptions.defaults());
    }
  }

  @Test
  void providerCache_hasTheDocumentedDefaultBound() {
    assertEquals(MlDsaKeyCache.DEFAULT_CAPACITY, FastProvider.ML_DSA_KEYS.capacity());
    assertEquals(512, MlDsaKeyCache.DEFAULT_CAPACITY);
  }

  @Test
  void cache_isBounded_leastRecentlyUsedOut() {
    MlDsaKeyCache cache = new MlDsaKeyCache(8);
    MlDsaExpandedKey first = cache.get(P, pks[0].clone());
    for (int i = 1; i < KEYS; i++) {
      cache.get(P, pks[i].clone());
      assertSame(first, cache.get(P, pks[0].clone()), "kept while used"); // touches key 0
      assertTrue(cache.size() <= 8);
    }
    assertEquals(8, cache.size());
    assertTrue(cache.contains(P, pks[0]));
    assertTrue(cache.contains(P, pks[KEYS - 1]));
    assertFalse(cache.contains(P, pks[1]), "least recently used, evicted");
    MlDsaExpandedKey again = cache.get(P, pks[1].clone());
    assertArrayEquals(MlDsaExpandedKey.expand(P, pks[1].clone()).tr, again.tr);
  }

  @Test
  void keyDifferingInOneByte_getsItsOwnEntry_andDoesNotVerifyTheOthersSignatures() throws Exception {
    MlDsaKeyCache cache = new MlDsaKeyCache(16);
    for (int pos : new int[] {0, 31, 32, 700, P.publicKeyBytes - 1}) { // rho, t1 start, middle, end
      cache.clear();
      byte[] other = pks[0].clone();
      other[pos] ^= 1;
      MlDsaExpandedKey a = cache.get(P, pks[0].clone());
      MlDsaExpandedKey b = cache.get(P, other.clone());
      assertNotSame(a, b);
      assertEquals(2, cache.size());
      assertTrue(cache.contains(P, pks[0]) && cache.contains(P, other));
      assertTrue(a.isExpansionOf(pks[0]) && b.isExpansionOf(other) && !b.isExpansionOf(pks[0]));
      MlDsaVerify.verify(a, mus[0], sigs[0]);
      // mu binds the key through tr = H(pk): under the other key, mu is H(tr' || M'). (With the
      // first key's mu passed as external mu, a low bit of t1 changed can leave w1 unchanged:
      // that is FIPS 204's tolerance, not the cache's doing, and the verifier API never does it.)
      byte[] muUnderOther = MessageFormat.mu(MessageFormat.tr(other), MSG, SignatureOptions.defaults());
      assertThrows(SignatureVerificationException.class, () -> MlDsaVerify.verify(b, muUnderOther, sigs[0]));
      PqPublicKey otherKey = PqPublicKey.fromRaw(SignatureAlgorithm.ML_DSA_44, other);
      assertThrows(SignatureVerificationException.class, () -> new FastMlDsaVerifier(otherKey,
          SignatureOptions.defaults(), cache).verify(MSG, sigs[0]));
      assertSame(a, cache.get(P, pks[0].clone()));
    }
  }

  @Test
  void capacityZero_cachesNothing_butVerifies() throws Exception {
    MlDsaKeyCache cache = new MlDsaKeyCache(0);
    MlDsaVerify.verify(cache.get(P, pks[3].clone()), mus[3], sigs[3]);
    assertEquals(0, cache.size());
    assertThrows(IllegalArgumentException.class, () -> new MlDsaKeyCache(-1));
    assertThrows(IllegalArgumentException.class, () -> new MlDsaKeyCache(MlDsaKeyCache.MAX_CAPACITY + 1));
  }

  /**
   * 16 threads, each verifying in a random order the signatures of 24 keys (some always the same
   * key) against a cache of 8, so that entries are made, shared and evicted concurrently; every
   * valid signature must verify and every swapped one fail, and the bound must hold.
   */
  @Test
  void concurrentVerifiers_sameAndDifferentKeys() throws Exception {
    MlDsaKeyCache cache = new MlDsaKeyCache(8);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int id = t;
        results.add(pool.submit(() -> {
          start.await();
          SplittableRandom rnd = new SplittableRandom(id);
          for (int n = 0; n < 300; n++) {
            int i = id % 4 == 0 ? 5 : rnd.nextInt(KEYS); // a quarter of the threads: one key only
            MlDsaExpandedKey k = cache.get(P, pks[i].clone());
            if (!k.isExpansionOf(pks[i])) {
              return "thread " + id + " got the expansion of another key";
            }
            MlDsaVerify.verify(k, mus[i], sigs[i]);
            int j = (i + 1) % KEYS;
            try {
              MlDsaVerify.verify(k, mus[i], sigs[j]);
              return "thread " + id + ": key " + i + " verified key " + j + "'s signature";
            } catch (SignatureVerificationException expected) {
              // as it must
            }
            if (cache.size() > 8) {
              return "bound exceeded: " + cache.size();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<String> f : results) {
        assertEquals(null, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(cache.size() <= 8);
  }
}
