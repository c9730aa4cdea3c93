/**
 * EVM interop through web3j: deploying contracts and calling them ({@link
 * io.pqzk.chains.evm.EvmChain}), the ZoKrates-exported Groth16 verifier of the claim circuit
 * ({@link io.pqzk.chains.evm.ClaimVerifierContract}: claims checked on-chain, not post-quantum),
 * and a registry of attestation digests per foreign block ({@link
 * io.pqzk.chains.evm.AttestationRegistryContract}) so an EVM chain can carry post-quantum
 * attestations of another chain.
 */
package io.pqzk.chains.evm;
