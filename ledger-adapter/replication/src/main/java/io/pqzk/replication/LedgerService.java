package io.pqzk.replication;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.replication.proto.BlockReply;
import io.pqzk.replication.proto.Command;
import io.pqzk.replication.proto.GetBlockRequest;
import io.pqzk.replication.proto.GetStatusReply;
import io.pqzk.replication.proto.GetStatusRequest;
import io.pqzk.replication.proto.LedgerServiceGrpc;
import io.pqzk.replication.proto.Peer;
import io.pqzk.replication.proto.StreamBlocksRequest;
import io.pqzk.replication.proto.SubmitTransactionReply;
import io.pqzk.replication.proto.SubmitTransactionRequest;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;

/**
 * The client API one node serves. A submission goes through the node's replication client to
 * the leader, whose checks refuse a transaction that breaks a rule before it reaches any log;
 * an accepted one is answered once this node holds a quorum certificate of the block that
 * carries it. Reads are answered from this node's own chain.
 */
final class LedgerService extends LedgerServiceGrpc.LedgerServiceImplBase {
  /** How long a submission may wait for finality on the server side. */
  private static final long FINAL_WITHIN_SECONDS = 120;
  private final LedgerStateMachine sm;
  private final Ledger ledger;
  private final RaftClient client;
  private final NodeSettings settings;
  private final RaftGroupId groupId;
  private final RaftServer raft;

  LedgerService(LedgerStateMachine sm, RaftClient client, NodeSettings settings,
      RaftGroupId groupId, RaftServer raft) {
    this.sm = sm;
    this.ledger = sm.ledger();
    this.client = client;
    this.settings = settings;
    this.groupId = groupId;
    this.raft = raft;
  }

  @Override
  public void submitTransaction(SubmitTransactionRequest request,
      StreamObserver<SubmitTransactionReply> out) {
    byte[] bytes = request.getTransaction().toByteArray();
    byte[] id = ledger.rules().transactionId(request.getTransaction().getBody().toByteArray());
    CompletableFuture<Long> done = sm.finality().await(id);
    long at = LedgerStateMachine.heightOf(ledger.state(), id);
    if (at >= 0 && at <= ledger.finalizedHeight()) {
      done.complete(at);
    }
    if (!done.isDone()) {
      byte[] command = Command.newBuilder().setTransaction(ByteString.copyFrom(bytes)).build()
          .toByteArray();
      client.async().send(Message.valueOf(
          org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(command)))
          .whenComplete((reply, e) -> sent(id, done, reply, e));
    }
    done.orTimeout(FINAL_WITHIN_SECONDS, TimeUnit.SECONDS).whenComplete((height, e) -> {
      sm.finality().forget(id, done);
      if (e == null) {
        byte[] hash = ledger.state().headerHashAt(height);
        out.onNext(SubmitTransactionReply.newBuilder().setTransactionId(ByteString.copyFrom(id))
            .setHeight(height).setBlockHash(ByteString.copyFrom(hash == null ? new byte[0]
                : hash)).build());
        out.onCompleted();
        return;
      }
      Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause()
          != null ? e.getCause() : e;
      if (cause instanceof TransactionRefusedException r) {
        out.onError(Status.INVALID_ARGUMENT.withDescription(r.reason()).asRuntimeException());
      } else if (cause instanceof java.util.concurrent.TimeoutException) {
        out.onError(Status.DEADLINE_EXCEEDED.withDescription("not final within "
            + FINAL_WITHIN_SECONDS + " s on node " + settings.nodeId()).asRuntimeException());
      } else {
        out.onError(Status.UNAVAILABLE.withDescription(String.valueOf(cause.getMessage()))
            .asRuntimeException());
      }
    });
  }

  /** The leader's answer: a refusal fails the submission; an acceptance waits for finality. */
  private void sent(byte[] id, CompletableFuture<Long> done, RaftClientReply reply, Throwable e) {
    String text = e != null ? describe(e) : reply.isSuccess() ? null
        : describe(reply.getException());
    if (text == null) {
      return; // in the log: the finality of its block completes the submission
    }
    int r = text.indexOf(LedgerStateMachine.REFUSED);
    if (r >= 0) {
      done.completeExceptionally(new TransactionRefusedException(text.substring(
          r + LedgerStateMachine.REFUSED.length()).lines().findFirst().orElse("")));
    } else if (text.contains(LedgerStateMachine.IN_CHAIN)) {
      return; // final at the leader already; this node completes it when it applies the block
    } else {
      done.completeExceptionally(new NodeUnavailableException("no leader took the transaction: "
          + text.lines().findFirst().orElse(""), e));
    }
  }

  private static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append(' ');
    }
    return b.toString();
  }

  @Override
  public void getBlock(GetBlockRequest request, StreamObserver<BlockReply> out) {
    try {
      if (request.getHeight() > ledger.height() || ledger.height() < 0) {
        out.onError(Status.NOT_FOUND.withDescription("no block " + request.getHeight()
            + " yet (head is " + ledger.height() + ")").asRuntimeException());
        return;
      }
      out.onNext(block(request.getHeight()));
      out.onCompleted();
    } catch (IOException | LedgerException e) {
      out.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  private BlockReply block(long h) throws IOException, LedgerException {
    Block b = Block.parseFrom(ledger.blockBytes(h));
    BlockReply.Builder r = BlockReply.newBuilder().setHeight(h).setBlock(b);
    QuorumCertificate qc = null;
    if (h < ledger.height()) {
      qc = QuorumCertificate.parseFrom(Block.parseFrom(ledger.blockBytes(h + 1)).getLastCommit());
    } else if (ledger.headCommit() != null && ledger.height() == h) {
      qc = ledger.headCommit();
    }
    if (qc != null) {
      r.setCommit(qc);
    }
    return r.build();
  }

  @Override
  public void streamBlocks(StreamBlocksRequest request, StreamObserver<BlockReply> out) {
    ServerCallStreamObserver<BlockReply> call = (ServerCallStreamObserver<BlockReply>) out;
    long h = request.getFromHeight();
    try {
      while (!call.isCancelled()) {
        if (h <= ledger.finalizedHeight()) {
          out.onNext(block(h));
          h++;
        } else if (!request.getFollow()) {
          break;
        } else {
          sm.awaitChange(1000);
        }
      }
      if (!call.isCancelled()) {
        out.onCompleted();
      }
    } catch (IOException | LedgerException e) {
      out.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.onError(Status.CANCELLED.asRuntimeException());
    }
  }

  @Override
  public void getSnapshot(io.pqzk.replication.proto.GetSnapshotRequest request,
      StreamObserver<io.pqzk.replication.proto.SnapshotChunk> out) {
    try {
      client.getSnapshotManagementApi(org.apache.ratis.protocol.RaftPeerId.valueOf(
          settings.nodeId())).create(120_000);
      var info = sm.getStateMachineStorage().getLatestSnapshot();
      if (info == null) {
        out.onError(Status.UNAVAILABLE.withDescription("no snapshot").asRuntimeException());
        return;
      }
      byte[] all = java.nio.file.Files.readAllBytes(info.getFile().getPath());
      int chunk = 1 << 20;
      for (int at = 0; at < all.length || at == 0; at += chunk) {
        int n = Math.min(chunk, all.length - at);
        out.onNext(io.pqzk.replication.proto.SnapshotChunk.newBuilder().setTerm(info.getTerm())
            .setIndex(info.getIndex()).setData(ByteString.copyFrom(all, at, n))
            .setLast(at + n >= all.length).build());
        if (all.length == 0) {
          break;
        }
      }
      out.onCompleted();
    } catch (IOException e) {
      out.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void getStatus(GetStatusRequest request, StreamObserver<GetStatusReply> out) {
    GetStatusReply.Builder r = GetStatusReply.newBuilder().setNodeId(settings.nodeId())
        .setHeight(ledger.height()).setFinalizedHeight(ledger.finalizedHeight())
        .setHeadHash(ByteString.copyFrom(ledger.state().headHash()))
        .setPendingTransactions(sm.poolSize())
        .setChainId(ledger.rules().genesis().chainId())
        .setGenesisHash(ByteString.copyFrom(ledger.rules().genesis().hash()))
        .setValidatorSetVersion(ledger.state().validators().version());
    try {
      RaftServer.Division d = raft.getDivision(groupId);
      DivisionInfo info = d.getInfo();
      r.setRole(info.getCurrentRole().name()).setTerm(info.getCurrentTerm())
          .setLastAppliedIndex(Math.max(0, info.getLastAppliedIndex()));
      if (info.getLeaderId() != null) {
        r.setLeaderId(info.getLeaderId().toString());
      }
      d.getRaftConf().getCurrentPeers().forEach(p -> r.addPeers(Peer.newBuilder()
          .setId(p.getId().toString()).setAddress(p.getAddress())));
    } catch (IOException e) {
      r.setRole("UNKNOWN");
    }
    out.onNext(r.build());
    out.onCompleted();
  }
}
