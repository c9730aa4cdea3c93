package io.pqzk.replication;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.replication.proto.BlockReply;
import io.pqzk.replication.proto.GetBlockRequest;
import io.pqzk.replication.proto.GetStatusReply;
import io.pqzk.replication.proto.GetStatusRequest;
import io.pqzk.replication.proto.LedgerServiceGrpc;
import io.pqzk.replication.proto.StreamBlocksRequest;
import io.pqzk.replication.proto.SubmitTransactionReply;
import io.pqzk.replication.proto.SubmitTransactionRequest;
import java.io.Closeable;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * A client of one node's {@code LedgerService} over mutual TLS: its certificate must be issued
 * by the network's CA, or the node refuses the connection in the handshake. Thread-safe.
 */
public final class LedgerClient implements Closeable {
  private final String target;
  private final ManagedChannel channel;
  private final LedgerServiceGrpc.LedgerServiceBlockingStub stub;
  private final LedgerServiceGrpc.LedgerServiceStub async;

  private LedgerClient(String target, ManagedChannel channel) {
    this.target = target;
    this.channel = channel;
    this.stub = LedgerServiceGrpc.newBlockingStub(channel);
    this.async = LedgerServiceGrpc.newStub(channel);
  }

  /** Connects (lazily) to {@code host:port} with {@code tls}. */
  public static LedgerClient connect(String address, Tls tls) throws ConfigException {
    NodeSettings.address("node address", address);
    return new LedgerClient(address, Grpc.newChannelBuilder(address, tls.channelCredentials())
        .maxInboundMessageSize(300 << 20).build());
  }

  public String target() {
    return target;
  }

  /**
   * Submits {@code transaction} and waits until it is final.
   *
   * @throws TransactionRefusedException a rule it breaks (it reached no log), or why the leader
   *     dropped it
   * @throws NodeUnavailableException no answer within {@code timeoutSeconds}, or the node
   *     cannot be reached (the TLS handshake failed, it is down, no leader)
   */
  public SubmitTransactionReply submit(byte[] transaction, long timeoutSeconds)
      throws ReplicationException {
    Transaction tx;
    try {
      tx = Transaction.parseFrom(transaction);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new TransactionRefusedException("not a serialized transaction: " + e.getMessage());
    }
    try {
      return stub.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS).submitTransaction(
          SubmitTransactionRequest.newBuilder().setTransaction(tx).build());
    } catch (StatusRuntimeException e) {
      throw failure(e);
    }
  }

  /**
   * As {@link #submit}, without blocking: the future fails with {@link
   * TransactionRefusedException} or {@link NodeUnavailableException}.
   */
  public java.util.concurrent.CompletableFuture<SubmitTransactionReply> submitAsync(
      byte[] transaction, long timeoutSeconds) {
    java.util.concurrent.CompletableFuture<SubmitTransactionReply> f =
        new java.util.concurrent.CompletableFuture<>();
    Transaction tx;
    try {
      tx = Transaction.parseFrom(transaction);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      f.completeExceptionally(new TransactionRefusedException("not a serialized transaction: "
          + e.getMessage()));
      return f;
    }
    async.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS).submitTransaction(
        SubmitTransactionRequest.newBuilder().setTransaction(tx).build(),
        new io.grpc.stub.StreamObserver<>() {
          @Override
          public void onNext(SubmitTransactionReply r) {
            f.complete(r);
          }

          @Override
          public void onError(Throwable t) {
            f.completeExceptionally(t instanceof StatusRuntimeException e ? failure(e) : t);
          }

          @Override
          public void onCompleted() {
            // completed in onNext
          }
        });
    return f;
  }

  public GetStatusReply status(long timeoutSeconds) throws ReplicationException {
    try {
      return stub.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS)
          .getStatus(GetStatusRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw failure(e);
    }
  }

  public BlockReply block(long height, long timeoutSeconds) throws ReplicationException {
    try {
      return stub.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS)
          .getBlock(GetBlockRequest.newBuilder().setHeight(height).build());
    } catch (StatusRuntimeException e) {
      throw failure(e);
    }
  }

  /** The final blocks from {@code from} on; with {@code follow}, new ones as they come. */
  public Iterator<BlockReply> blocks(long from, boolean follow) {
    return stub.streamBlocks(StreamBlocksRequest.newBuilder().setFromHeight(from)
        .setFollow(follow).build());
  }

  /** Name prefix of a snapshot fetched from a peer, waiting in a data directory. */
  static final String ADOPTED = "adopted-snapshot.";

  /**
   * Fetches a snapshot the node takes now, written durably to {@code dir/adopted-snapshot.T_I}
   * (T and I: the term and index of the last log entry it covers).
   */
  java.nio.file.Path snapshotTo(java.nio.file.Path dir) throws ReplicationException {
    try {
      java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
      long term = -1;
      long index = -1;
      Iterator<io.pqzk.replication.proto.SnapshotChunk> it = stub.withDeadlineAfter(300,
          TimeUnit.SECONDS).getSnapshot(io.pqzk.replication.proto.GetSnapshotRequest
              .getDefaultInstance());
      while (it.hasNext()) {
        var c = it.next();
        term = c.getTerm();
        index = c.getIndex();
        c.getData().writeTo(data);
      }
      java.nio.file.Path f = dir.resolve(ADOPTED + term + "_" + index);
      io.pqzk.common.DurableFiles.write(f, data.toByteArray(),
          io.pqzk.common.DurableFiles.Access.PUBLIC, io.pqzk.common.DurableFiles.Existing.REPLACE);
      return f;
    } catch (StatusRuntimeException e) {
      throw failure(e);
    } catch (java.io.IOException e) {
      throw new NodeUnavailableException("cannot store the snapshot: " + e.getMessage(), e);
    }
  }

  private ReplicationException failure(StatusRuntimeException e) {
    Status s = e.getStatus();
    if (s.getCode() == Status.Code.INVALID_ARGUMENT
        || s.getCode() == Status.Code.FAILED_PRECONDITION) {
      return new TransactionRefusedException(s.getDescription());
    }
    StringBuilder why = new StringBuilder(s.getCode().name());
    if (s.getDescription() != null) {
      why.append(": ").append(s.getDescription());
    }
    for (Throwable t = s.getCause(); t != null; t = t.getCause()) {
      why.append(" (").append(t.getMessage()).append(')');
    }
    return new NodeUnavailableException("node " + target + ": " + why, e);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
