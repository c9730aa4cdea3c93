/**
 * Canonical decoding of the ledger's protobuf messages: what a node accepts has exactly one
 * encoding, so signatures and hashes over bytes bind the message itself.
 */
package io.pqzk.ledger.codec;
