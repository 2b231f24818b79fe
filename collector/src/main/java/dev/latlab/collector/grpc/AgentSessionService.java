package dev.latlab.collector.grpc;

import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.AgentServiceGrpc;
import dev.latlab.proto.v1.CollectorMessage;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.UUID;

/** The agent session service: one {@link AgentSession} per stream. */
final class AgentSessionService extends AgentServiceGrpc.AgentServiceImplBase {
  /**
   * Inbound messages requested ahead. A result returns its slot only once stored, so this also
   * bounds the store writes one agent can have pending.
   */
  static final int INBOUND_WINDOW = 16;

  private final SessionContext context;

  AgentSessionService(SessionContext context) {
    this.context = context;
  }

  @Override
  public StreamObserver<AgentMessage> session(StreamObserver<CollectorMessage> responseObserver) {
    ServerCallStreamObserver<CollectorMessage> call =
        (ServerCallStreamObserver<CollectorMessage>) responseObserver;
    call.disableAutoRequest();
    AgentSession session = new AgentSession(context, call, UUID.randomUUID().toString());
    call.setOnReadyHandler(session::onReady);
    call.setOnCancelHandler(session::onCancelled);
    context.registry().add(session);
    call.request(INBOUND_WINDOW);
    return session;
  }
}
