package io.pqzk.records.custodian;

/**
 * Sees each release at the one point between the access event becoming final and the document
 * leaving: for tests that stop a custodian exactly there (with SIGKILL) and check that nothing
 * was released without its event and nothing was lost. The default does nothing.
 */
@FunctionalInterface
public interface ReleaseHook {
  ReleaseHook NONE = (eventTx, height) -> { };

  void eventFinal(byte[] eventTransactionId, long height);
}
