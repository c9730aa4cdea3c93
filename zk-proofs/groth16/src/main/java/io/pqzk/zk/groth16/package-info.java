/**
 * Groth16 verification of ZoKrates proofs in pure Java, without Node. Parsing a key or a proof
 * refuses anything non-canonical, off its curve or outside its subgroup, and a wrong number of
 * inputs ({@link io.pqzk.zk.MalformedProofException} naming the field); a well-formed proof that
 * fails the pairing equation is a {@link io.pqzk.zk.ProofRejectedException}. Groth16 is not
 * post-quantum sound and its soundness rests on a trusted setup.
 */
package io.pqzk.zk.groth16;
