package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.junit.jupiter.api.Test;

class BatchVerificationTest {

  static List<VerificationItem> batch(int n) throws Exception {
    PqKeyPair[] keys = {
      Fixtures.keys(SignatureAlgorithm.ML_DSA_44), Fixtures.keys(SignatureAlgorithm.ML_DSA_65),
      Fixtures.keys(SignatureAlgorithm.SLH_DSA_SHAKE_128F)};
    List<VerificationItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PqKeyPair kp = keys[i % keys.length];
      byte[] msg = ("tx " + i).getBytes();
      byte[] sig = Signatures.signer(kp.privateKey(), SignatureOptions.defaults().deterministic()).sign(msg);
      items.add(VerificationItem.of(kp.publicKey(), msg, sig));
    }
    return items;
  }

  @Test
  void verifyAll_allValid_returns() throws Exception {
    Signatures.verifyAll(batch(24));
    Signatures.verifyAll(List.of());
  }

  @Test
  void verifyAll_someInvalid_reportsExactlyThoseIndices() throws Exception {
    List<VerificationItem> items = batch(30);
    int[] bad = {3, 17, 29};
    for (int i : bad) {
      VerificationItem it = items.get(i);
      byte[] sig = it.signature().clone();
      sig[sig.length / 2] ^= 1;
      items.set(i, VerificationItem.of(it.key(), it.message(), sig));
    }
    // an item whose key is of a different parameter set than its signature
    VerificationItem mixed = new VerificationItem(items.get(0).key(), SignatureOptions.defaults(),
        items.get(1).message(), items.get(1).signature());
    items.set(5, mixed);
    for (int run = 0; run < 3; run++) {
      BatchVerificationException e = assertThrows(BatchVerificationException.class,
          () -> Signatures.verifyAll(items));
      assertArrayEquals(new int[] {3, 5, 17, 29}, e.failedIndices());
      assertEquals(30, e.total());
      assertInstanceOf(SignatureVerificationException.class, e.failures().get(17));
      assertTrue(e.getMessage().startsWith("4 of 30 signatures failed verification: item 3 ("),
          e.getMessage());
    }
  }

  @Test
  void verifyAll_unsupportedRequest_isAFailedItemNotACrash() throws Exception {
    List<VerificationItem> items = batch(3);
    VerificationItem it = items.get(2);
    items.set(2, new VerificationItem(it.key(),
        SignatureOptions.defaults().withInput(SignatureOptions.Input.EXTERNAL_MU), it.message(),
        it.signature()));
    BatchVerificationException e = assertThrows(BatchVerificationException.class,
        () -> Signatures.verifyAll(Signatures.provider("bc"), items));
    assertArrayEquals(new int[] {2}, e.failedIndices());
    assertInstanceOf(IncompatibleOptionsException.class, e.failures().get(2));
  }

  /** Every way of running a batch reports the same failed indices, and only those. */
  @Test
  void startThenAwait_sameOutcomeAsVerifyAll_whateverTheCallerDoesMeanwhile() throws Exception {
    List<VerificationItem> items = batch(40);
    for (int i : new int[] {2, 9, 33}) { // 2: an SLH-DSA item, handed out first
      VerificationItem it = items.get(i);
      byte[] sig = it.signature().clone();
      sig[7] ^= 0x40;
      items.set(i, VerificationItem.of(it.key(), it.message(), sig));
    }
    SignatureProvider p = Signatures.provider("pqzk");
    for (int run = 0; run < 5; run++) {
      PendingVerification pending = Signatures.startVerifyAll(p, items);
      if (run % 2 == 1) {
        Signatures.verifyAll(p, batch(6)); // the caller busy with other signatures meanwhile
      }
      BatchVerificationException e = assertThrows(BatchVerificationException.class,
          pending::await);
      assertArrayEquals(new int[] {2, 9, 33}, e.failedIndices());
      assertEquals(40, e.total());
    }
  }

  /** A pool worker awaiting a batch verifies what is left itself instead of waiting for a worker. */
  @Test
  void awaitFromInsideTheCommonPool_doesNotDeadlock() throws Exception {
    List<VerificationItem> items = batch(12);
    int workers = ForkJoinPool.getCommonPoolParallelism();
    List<ForkJoinTask<?>> tasks = new ArrayList<>();
    for (int t = 0; t < workers + 2; t++) { // more than the pool has threads, each awaiting
      tasks.add(ForkJoinPool.commonPool().submit(() -> {
        Signatures.startVerifyAll(Signatures.provider("pqzk"), items).await();
        return null;
      }));
    }
    for (ForkJoinTask<?> t : tasks) {
      t.get();
    }
  }

  @Test
  void cancelled_hasNoOutcome() throws Exception {
    PendingVerification pending = Signatures.startVerifyAll(Signatures.provider("pqzk"),
        batch(9));
    pending.cancel();
    IllegalStateException e = assertThrows(IllegalStateException.class, pending::await);
    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
  }

  /**
   * An Error out of a verifier on a pool worker (a stack overflow, out of memory) reaches the
   * caller instead of leaving it waiting for an item no one will finish. Made certain to happen
   * on the worker: its verifications throw, the caller's wait until the worker has taken one.
   */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void anErrorOnAWorker_reachesTheCaller_insteadOfAHang() throws Exception {
    SignatureProvider pqzk = Signatures.provider("pqzk");
    for (int run = 0; run < 3; run++) {
      java.util.concurrent.CountDownLatch workerTook = new java.util.concurrent.CountDownLatch(1);
      SignatureProvider overflowing = (SignatureProvider) java.lang.reflect.Proxy.newProxyInstance(
          SignatureProvider.class.getClassLoader(), new Class<?>[] {SignatureProvider.class},
          (proxy, method, args) -> {
            if (!method.getName().equals("verifier")) {
              try {
                return method.invoke(pqzk, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            }
            Verifier real = pqzk.verifier((PqPublicKey) args[0], (SignatureOptions) args[1]);
            return (Verifier) (message, signature) -> {
              if (Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread) {
                workerTook.countDown();
                throw new StackOverflowError("a verifier that overflows");
              }
              try {
                workerTook.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              real.verify(message, signature);
            };
          });
      StackOverflowError e = assertThrows(StackOverflowError.class,
          () -> Signatures.verifyAll(overflowing, batch(8)));
      assertEquals("a verifier that overflows", e.getMessage());
    }
  }
}
