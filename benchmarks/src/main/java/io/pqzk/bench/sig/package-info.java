/**
 * Signature suites: the project's API ({@code api=pqzk}) and the provider's JCA {@code Signature}
 * called directly ({@code api=raw}) run through identical benchmark code in the same JMH run, so
 * the API's cost is the ratio {@code pqzk / raw - 1}; thread CPU time is recorded beside wall time.
 */
package io.pqzk.bench.sig;
