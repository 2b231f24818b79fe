package dev.latlab.collector.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Requires {@code authorization: Bearer <token>} on every call when a token is configured; with no
 * token, every call passes. Tokens are compared through their SHA-256 digests with {@link
 * MessageDigest#isEqual}, so the time taken reveals neither the token nor its length.
 */
final class AuthInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";

  private final byte[] expectedDigest;

  /** The token may be null: then every call is allowed. */
  AuthInterceptor(String token) {
    this.expectedDigest = token == null ? null : sha256(token);
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call,
      Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String problem = problem(headers.get(AUTHORIZATION));
    if (problem == null) {
      return next.startCall(call, headers);
    }
    call.close(Status.UNAUTHENTICATED.withDescription(problem), new Metadata());
    return new ServerCall.Listener<>() {};
  }

  // Why the header does not authorise a call, or null if it does.
  private String problem(String header) {
    if (expectedDigest == null) {
      return null;
    }
    if (header == null) {
      return "missing authorization metadata: send \"Bearer <token>\"";
    }
    if (!header.startsWith(BEARER)) {
      return "authorization metadata must be \"Bearer <token>\"";
    }
    byte[] given = sha256(header.substring(BEARER.length()));
    return MessageDigest.isEqual(expectedDigest, given) ? null : "wrong token";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
