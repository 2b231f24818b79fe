package dev.latlab.cli.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.proto.v1.CreateCampaignRequest;
import org.junit.jupiter.api.Test;

class BenchCampaignTest {
  @Test
  void request_smallCount_isOneRepeatOfThatManyCells() {
    CreateCampaignRequest request = BenchCampaign.request("t", 500);
    assertThat(request.getArchIndicesCount()).isEqualTo(500);
    assertThat(request.getRepeats()).isEqualTo(1);
  }

  @Test
  void request_largeCount_usesFewestRepeatsAndAtLeastTheCount() {
    CreateCampaignRequest request = BenchCampaign.request("t", 100_000);
    assertThat(request.getRepeats()).isEqualTo(7);
    assertThat(request.getArchIndicesCount() * request.getRepeats())
        .isBetween(100_000, 100_006);
  }

  @Test
  void request_maximum_isEveryCellHundredTimes() {
    CreateCampaignRequest request = BenchCampaign.request("t", BenchCampaign.MAX_JOBS);
    assertThat(request.getRepeats()).isEqualTo(100);
    assertThat(request.getArchIndicesCount()).isEqualTo(15_625);
  }
}
