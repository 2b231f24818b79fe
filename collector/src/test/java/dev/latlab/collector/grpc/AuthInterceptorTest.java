package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.ListCampaignsRequest;
import dev.latlab.proto.v1.ListCampaignsResponse;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bearer token check on both services. */
class AuthInterceptorTest {
  @TempDir Path dir;
  private Harness harness;

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void call_withoutToken_isUnauthenticated() {
    harness = Harness.with(dir).start();
    Status status = listError(harness.channel(null));
    assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(status.getDescription()).startsWith("missing authorization metadata");
  }

  @Test
  void call_withWrongToken_isUnauthenticated() {
    harness = Harness.with(dir).start();
    Status status = listError(harness.channel("not-the-token"));
    assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(status.getDescription()).isEqualTo("wrong token");
    assertThat(listError(harness.channel(Harness.TOKEN + "x")).getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void call_withOtherScheme_isUnauthenticated() {
    harness = Harness.with(dir).start();
    Metadata headers = new Metadata();
    headers.put(AuthInterceptor.AUTHORIZATION, "Basic " + Harness.TOKEN);
    Channel basic = ClientInterceptors.intercept(harness.channel(null),
        MetadataUtils.newAttachHeadersInterceptor(headers));
    assertThat(listError(basic).getDescription()).contains("Bearer <token>");
  }

  @Test
  void session_withoutToken_isUnauthenticated() {
    harness = Harness.with(dir).start();
    AgentClient agent = new AgentClient(harness.channel(null), "a1", "t1");
    agent.credit(1);
    assertThat(agent.awaitClosed().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void call_withRightToken_passes() {
    harness = Harness.with(dir).start();
    assertThat(list(harness.channel(Harness.TOKEN)).getCampaignsCount()).isZero();
    harness.connected("a1", "t1");
  }

  @Test
  void call_noTokenConfigured_passesWithoutHeader() {
    harness = Harness.with(dir).token(null).start();
    assertThat(list(harness.channel(null)).getCampaignsCount()).isZero();
    assertThat(list(harness.channel("anything")).getCampaignsCount()).isZero();
  }

  private static ListCampaignsResponse list(Channel channel) {
    return CampaignServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .listCampaigns(ListCampaignsRequest.getDefaultInstance());
  }

  private static Status listError(Channel channel) {
    StatusRuntimeException e =
        catchThrowableOfType(StatusRuntimeException.class, () -> list(channel));
    assertThat(e).as("call failed").isNotNull();
    return e.getStatus();
  }
}
