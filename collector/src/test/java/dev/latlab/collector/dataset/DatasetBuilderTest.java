package dev.latlab.collector.dataset;

import static dev.latlab.collector.dataset.Results.result;
import static dev.latlab.collector.dataset.Results.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.collector.store.ResultRow;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class DatasetBuilderTest {
  /** The compute class of index 0, in index order. */
  private static final List<Integer> CLASS_OF_0 =
      List.of(0, 3599, 4980, 6642, 8444, 8975, 11273, 13000);
  /** The smallest degenerate cell (its compute class holds all 341). */
  private static final int DEGENERATE = 10;

  private static List<Integer> indices(Dataset d) {
    return d.rows().stream().map(r -> r.arch().index()).toList();
  }

  private static DatasetRow rowOf(Dataset d, int index) {
    return d.rows().stream().filter(r -> r.arch().index() == index).findFirst().orElseThrow();
  }

  @Test
  void build_singleResults_oneRowPerArchSortedByIndexMeasuringItself() {
    Dataset d = DatasetBuilder.build(List.of(stored(42, 3.0), stored(7, 1.0), stored(100, 2.0)),
        false);

    assertThat(indices(d)).containsExactly(7, 42, 100);
    assertThat(d.rows()).allSatisfy(r -> {
      assertThat(r.measured()).isSameAs(r.arch());
      assertThat(r.filled()).isFalse();
      assertThat(r.latencyMs()).isEqualTo(r.result().getLatencyMs());
    });
    assertThat(rowOf(d, 42).latencyMs()).isEqualTo(3.0);
  }

  @Test
  void build_oddRepeats_rowIsTheMedianResultWithItsOwnStatistics() {
    List<ResultRow> repeats = List.of(stored(5, 5.0), stored(5, 1.0), stored(5, 3.0));

    DatasetRow row = DatasetBuilder.build(repeats, false).rows().get(0);

    assertThat(row.latencyMs()).isEqualTo(3.0);
    assertThat(row.result().getJobId()).isEqualTo(repeats.get(2).jobId());
    assertThat(row.result().getStats().getMeanMs()).isEqualTo(3.0 * 1.01);
  }

  @Test
  void build_evenRepeats_rowIsTheLowMedianNotTheMean() {
    List<ResultRow> repeats =
        List.of(stored(5, 4.0), stored(5, 1.0), stored(5, 3.0), stored(5, 2.0));

    DatasetRow row = DatasetBuilder.build(repeats, false).rows().get(0);

    assertThat(row.latencyMs()).isEqualTo(2.0);
    assertThat(row.result().getJobId()).isEqualTo(repeats.get(3).jobId());
  }

  @Test
  void lowMedian_equalLatencies_earliestStoredWins() {
    ResultRow later = stored(result(5, 2.0).build(), 2_000);
    ResultRow earlier = stored(result(5, 2.0).build(), 1_000);

    assertThat(DatasetBuilder.lowMedian(List.of(later, earlier))).isSameAs(earlier);
  }

  @Test
  void build_withoutFill_onlyMeasuredCells() {
    Dataset d = DatasetBuilder.build(List.of(stored(4980, 2.0)), false);

    assertThat(indices(d)).containsExactly(4980);
  }

  @Test
  void build_fill_everyClassMemberCopiesTheSmallestMeasuredMember() {
    Dataset d = DatasetBuilder.build(List.of(stored(8444, 3.0), stored(4980, 2.0)), true);

    assertThat(indices(d)).containsExactlyElementsOf(CLASS_OF_0);
    for (int index : List.of(0, 3599, 6642, 8975, 11273, 13000)) {
      DatasetRow row = rowOf(d, index);
      assertThat(row.arch().index()).isEqualTo(index);
      assertThat(row.measured().index()).isEqualTo(4980);
      assertThat(row.filled()).isTrue();
      assertThat(row.latencyMs()).isEqualTo(2.0);
    }
    assertThat(rowOf(d, 8444).measured().index()).isEqualTo(8444);
    assertThat(rowOf(d, 8444).latencyMs()).isEqualTo(3.0);
  }

  @Test
  void build_fill_degenerateCellsStayOutUnlessMeasured() {
    Dataset d = DatasetBuilder.build(List.of(stored(DEGENERATE, 0.5), stored(0, 2.0)), true);

    List<Integer> expected = new ArrayList<>(CLASS_OF_0);
    expected.add(1, DEGENERATE);
    assertThat(indices(d)).containsExactlyElementsOf(expected);
    assertThat(rowOf(d, DEGENERATE).filled()).isFalse();
    assertThat(SearchSpace.isDegenerate(Arch.fromIndex(DEGENERATE))).isTrue();
  }

  @Test
  void build_fillFromEveryClassRepresentative_givesLatBenchsCells() {
    List<ResultRow> results = SearchSpace.computeClassRepresentatives().stream()
        .filter(a -> !SearchSpace.isDegenerate(a)).map(a -> stored(a.index(), 1.0)).toList();

    Dataset d = DatasetBuilder.build(results, true);

    assertThat(d.rows()).hasSize(15625 - 341);
    assertThat(d.rows()).allSatisfy(r -> {
      assertThat(SearchSpace.isDegenerate(r.arch())).isFalse();
      assertThat(r.measured().index()).isEqualTo(SearchSpace.computeIndex(r.arch()));
    });
  }

  @Test
  void build_noResults_throwsNoSuchElement() {
    assertThatThrownBy(() -> DatasetBuilder.build(List.of(), true))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void build_twoTargets_throwsIllegalArgument() {
    ResultRow a = stored(1, 1.0);
    ResultRow b = new ResultRow("job-x", 1, "campaign-2", "other-target", "agent-2", 2, 1.0,
        result(2, 1.0).build().toByteArray(), 0);

    assertThatThrownBy(() -> DatasetBuilder.build(List.of(a, b), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other-target").hasMessageContaining(Results.TARGET);
  }

  @Test
  void build_unparseableResult_throwsIllegalStateNamingTheJob() {
    ResultRow bad = new ResultRow("job-bad", 1, "campaign-1", Results.TARGET, "agent-1", 1, 1.0,
        new byte[] {(byte) 0xff, 0x01}, 0);

    assertThatThrownBy(() -> DatasetBuilder.build(List.of(bad), false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("job-bad");
  }

  @Test
  void dataset_unsortedRows_throwsIllegalArgument() {
    List<DatasetRow> rows = DatasetBuilder.build(List.of(stored(1, 1.0), stored(2, 1.0)), false)
        .rows();

    assertThatThrownBy(() -> new Dataset(List.of(rows.get(1), rows.get(0))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Dataset(List.of()))
        .isInstanceOf(NoSuchElementException.class);
  }
}
