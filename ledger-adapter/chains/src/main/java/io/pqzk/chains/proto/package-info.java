/**
 * Classes generated from {@code ledger-adapter/chains/src/main/proto/pqzk/chains/v1}: attestations
 * of foreign blocks, bundles of them, and the attesters file. What an attester signs is the
 * fixed-layout quorum statement, never these messages' serialization.
 */
package io.pqzk.chains.proto;
