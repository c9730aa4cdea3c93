/**
 * BN254 (alt_bn128) and BLS12-381 in pure Java: points, the optimal ate pairing product and
 * multi-scalar multiplication. Factories accept only canonical coordinates of points on the curve
 * (G1) or the twist (G2); subgroup membership is a separate, explicit check the caller must make.
 * Public data only: nothing here is constant-time.
 */
package io.pqzk.zk.curves;
