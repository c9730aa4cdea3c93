/**
 * Not API: field towers, Jacobian formulas and the Miller loop behind
 * {@link io.pqzk.zk.curves.PairingCurve}. Use {@code io.pqzk.zk.curves}; nothing outside
 * {@code zk-proofs/groth16} may import this package (checked by the architecture test).
 */
package io.pqzk.zk.curves.internal;
