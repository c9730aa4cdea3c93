package io.pqzk.records.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.StreamObserver;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.TamperedRecordException;
import io.pqzk.records.UnauthenticatedException;
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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The custodian as a gRPC service over mutual TLS (TLS 1.3 or 1.2, the JDK's provider): a client
 * must present a certificate issued by the trusted CA, or the handshake fails and nothing reaches
 * the custodian, let alone the chain. The verified client certificate's SHA-256 becomes the call's
 * {@link Caller}; the custodian ties it to a registered reader through the ledger. Every call is
 * logged as one line (method, caller fingerprint, outcome); subject ids and documents never are.
 */
public final class CustodianServer implements Closeable {
  private static final Context.Key<Caller> CALLER = Context.key("pqzk-caller");

  private final Server server;

  private CustodianServer(Server server) {
    this.server = server;
  }

  /** Starts serving {@code ops} on {@code host:port} (0: any free port). */
  public static CustodianServer start(CustodianOperations ops, String host, int port,
      Pki.Issued serverCertificate, X509Certificate trustedCa, Consumer<String> log)
      throws IOException {
    Server s = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(
            serverCertificate.key(), serverCertificate.certificate())).trustManager(trustedCa)
            .clientAuth(ClientAuth.REQUIRE).build())
        .addService(ServerInterceptors.intercept(new Service(ops, log), new PeerCertificate()))
        .maxInboundMessageSize(1 << 20)
        .build().start();
    return new CustodianServer(s);
  }

  public int port() {
    return server.getPort();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Puts the verified client certificate's fingerprint into the call's context. */
  private static final class PeerCertificate implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      SSLSession ssl = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
      try {
        Certificate[] chain = ssl == null ? null : ssl.getPeerCertificates();
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate c)) {
          throw new SSLPeerUnverifiedException("no client certificate");
        }
        Context ctx = Context.current().withValue(CALLER, Caller.tls(Pki.fingerprint(c)));
        return Contexts.interceptCall(ctx, call, headers, next);
      } catch (SSLPeerUnverifiedException e) {
        call.close(Status.UNAUTHENTICATED.withDescription("no verified client certificate"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
    }
  }

  private static final class Service extends CustodianGrpc.CustodianImplBase {
    private final CustodianOperations ops;
    private final Consumer<String> log;

    Service(CustodianOperations ops, Consumer<String> log) {
      this.ops = ops;
      this.log = log;
    }

    private interface Call<T> {
      T run(Caller caller) throws RecordsException;
    }

    private <T> void serve(String method, Call<T> call, StreamObserver<T> out) {
      Caller caller = CALLER.get();
      try {
        T result = call.run(caller);
        log.accept(method + " " + caller + ": " + outcome(result));
        out.onNext(result);
        out.onCompleted();
      } catch (RecordsException | RuntimeException e) {
        Status s = status(e);
        log.accept(method + " " + caller + ": " + s.getCode() + " " + s.getDescription());
        out.onError(new StatusRuntimeException(s));
      }
    }

    private static String outcome(Object result) {
      if (result instanceof ReadResponse r) {
        return r.hasRelease() ? "released, event " + shortHex(r.getRelease()
            .getEventTransactionId().toByteArray()) + " at height " + r.getRelease()
            .getEventHeight() : "refused " + r.getRefusal().getDenial()
            + (r.getRefusal().getEventTransactionId().isEmpty() ? ", no event" : ", event "
                + shortHex(r.getRefusal().getEventTransactionId().toByteArray()));
      }
      if (result instanceof PurgeResponse p) {
        return "purged, event " + shortHex(p.getTransactionId().toByteArray()) + " at height "
            + p.getHeight();
      }
      return "ok";
    }

    private static String shortHex(byte[] b) {
      String h = java.util.HexFormat.of().formatHex(b);
      return h.length() > 16 ? h.substring(0, 16) : h;
    }

    static Status status(Exception e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage().lines().findFirst().orElse("");
      if (e instanceof UnauthenticatedException) {
        return Status.UNAUTHENTICATED.withDescription(msg);
      }
      if (e instanceof InvalidRecordInputException) {
        return Status.INVALID_ARGUMENT.withDescription(msg);
      }
      if (e instanceof TamperedRecordException) {
        return Status.DATA_LOSS.withDescription(msg);
      }
      if (e instanceof RecordsException) {
        return Status.UNAVAILABLE.withDescription(msg);
      }
      return Status.INTERNAL.withDescription("internal error: " + msg);
    }

    @Override
    public void read(SignedReadRequest request, StreamObserver<ReadResponse> out) {
      serve("Read", c -> ops.read(request, c), out);
    }

    @Override
    public void purge(PurgeRequest request, StreamObserver<PurgeResponse> out) {
      serve("Purge", c -> ops.purge(request, c), out);
    }

    @Override
    public void exportOpening(SignedOpeningRequest request, StreamObserver<OpeningResponse> out) {
      serve("ExportOpening", c -> ops.exportOpening(request, c), out);
    }

    @Override
    public void status(StatusRequest request, StreamObserver<StatusResponse> out) {
      serve("Status", c -> ops.status(), out);
    }
  }
}
