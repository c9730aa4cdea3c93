/**
 * A replicated pqzk ledger: {@link io.pqzk.replication.LedgerNode} runs one validator node (the
 * ledger as a Raft state machine on Apache Ratis, the {@code LedgerService} gRPC client API,
 * mutual TLS for peers and clients); {@link io.pqzk.replication.LedgerClient} submits and reads;
 * {@link io.pqzk.replication.NetworkGenesis} builds a genesis from a network's description;
 * {@link io.pqzk.replication.Certificates} makes a private CA for a test network. Raft tolerates
 * crashes, not a malicious node; the quorum certificates in every block let any auditor detect a
 * forged or rewritten history.
 */
package io.pqzk.replication;
