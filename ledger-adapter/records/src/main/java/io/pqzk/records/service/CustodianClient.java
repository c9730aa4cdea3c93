package io.pqzk.records.service;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.TamperedRecordException;
import io.pqzk.records.UnauthenticatedException;
import io.pqzk.records.VaultStorageException;
import io.pqzk.records.custodian.Caller;
import io.pqzk.records.custodian.CustodianOperations;
import io.pqzk.records.proto.CustodianGrpc;
import io.pqzk.records.proto.OpeningResponse;
import io.pqzk.records.proto.PurgeRequest;
import io.pqzk.records.proto.PurgeResponse;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.SignedOpeningRequest;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.proto.StatusRequest;
import io.pqzk.records.proto.StatusResponse;
import java.io.Closeable;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/**
 * A custodian reached over mutual TLS: the same {@link CustodianOperations} as the in-process
 * custodian, so a command works the same either way. The caller argument is ignored: the server
 * learns who calls from this client's certificate. gRPC statuses come back as this module's
 * exceptions (UNAUTHENTICATED as {@link UnauthenticatedException}, INVALID_ARGUMENT as {@link
 * InvalidRecordInputException}, DATA_LOSS as {@link TamperedRecordException}).
 */
public final class CustodianClient implements CustodianOperations, Closeable {
  private final ManagedChannel channel;
  private final CustodianGrpc.CustodianBlockingStub stub;

  private CustodianClient(ManagedChannel channel) {
    this.channel = channel;
    this.stub = CustodianGrpc.newBlockingStub(channel);
  }

  /** Connects to {@code host:port} with this client's certificate, trusting {@code ca}. */
  public static CustodianClient connect(String host, int port, Pki.Issued client,
      X509Certificate ca) throws InvalidRecordInputException {
    try {
      ManagedChannel ch = NettyChannelBuilder.forAddress(host, port)
          .sslContext(GrpcSslContexts.forClient().keyManager(client.key(), client.certificate())
              .trustManager(ca).build())
          .maxInboundMessageSize(16 << 20)
          .build();
      return new CustodianClient(ch);
    } catch (javax.net.ssl.SSLException e) {
      throw new InvalidRecordInputException("TLS setup failed: " + e.getMessage(), e);
    }
  }

  private CustodianGrpc.CustodianBlockingStub call() {
    return stub.withDeadlineAfter(120, TimeUnit.SECONDS);
  }

  private static RecordsException map(StatusRuntimeException e) {
    Status s = e.getStatus();
    String msg = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
    return switch (s.getCode()) {
      case UNAUTHENTICATED, PERMISSION_DENIED -> new UnauthenticatedException(msg);
      case INVALID_ARGUMENT -> new InvalidRecordInputException(msg);
      case DATA_LOSS -> new TamperedRecordException("response", msg, e);
      case UNAVAILABLE -> new VaultStorageException("custodian unavailable: " + msg
          + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
      default -> new VaultStorageException("custodian call failed: " + s.getCode() + " " + msg,
          e);
    };
  }

  @Override
  public ReadResponse read(SignedReadRequest request, Caller ignored) throws RecordsException {
    try {
      return call().read(request);
    } catch (StatusRuntimeException e) {
      throw map(e);
    }
  }

  @Override
  public PurgeResponse purge(PurgeRequest request, Caller ignored) throws RecordsException {
    try {
      return call().purge(request);
    } catch (StatusRuntimeException e) {
      throw map(e);
    }
  }

  @Override
  public OpeningResponse exportOpening(SignedOpeningRequest request, Caller ignored)
      throws RecordsException {
    try {
      return call().exportOpening(request);
    } catch (StatusRuntimeException e) {
      throw map(e);
    }
  }

  @Override
  public StatusResponse status() throws RecordsException {
    try {
      return call().status(StatusRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw map(e);
    }
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
