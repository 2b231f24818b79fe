package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Regularised evolution (REA, Real et al. 2019) as in NB201's baseline: a population of random
 * cells; each cycle samples a few members with replacement, mutates the best of them (tournament)
 * and adds the child while the oldest member dies.
 *
 * <p>A mutation changes one edge to a different op; like NB201's {@code mutate_arch_func} the edge
 * is chosen by picking a node uniformly, then one of its inputs. A child that is screened out by
 * the latency limit is redrawn. A child queried before costs no query but still joins the
 * population (and ages it), as in NB201, where re-evaluating a known cell costs no training. If
 * no allowed child turns up in 100 mutations, a random allowed cell takes its place.
 */
final class RegularizedEvolution implements SearchStrategy {
  /** The population size of NB201's REA runs. */
  static final int DEFAULT_POPULATION = 10;
  /** The tournament size of NB201's REA runs. */
  static final int DEFAULT_SAMPLE = 3;

  private static final int MUTATION_TRIES = 100;
  /** Cycles allowed per query of the budget before giving up on finding new cells. */
  private static final int CYCLES_PER_QUERY = 1000;
  /** Edges into node 1, node 2 and node 3, in edge order. */
  private static final int[][] INPUT_EDGES = {{0}, {1, 2}, {3, 4, 5}};

  private final int populationSize;
  private final int sampleSize;

  RegularizedEvolution(int populationSize, int sampleSize) {
    if (populationSize < 1 || sampleSize < 1) {
      throw new IllegalArgumentException(
          "population and sample must be >= 1: " + populationSize + ", " + sampleSize);
    }
    this.populationSize = populationSize;
    this.sampleSize = sampleSize;
  }

  @Override
  public void run(SearchContext context) {
    Deque<Arch> population = initialPopulation(context);
    long cycles = (long) context.budget() * CYCLES_PER_QUERY;
    for (long c = 0; c < cycles && !context.exhausted() && !population.isEmpty(); c++) {
      Arch child = mutateAllowed(tournament(population, context), context);
      if (child == null) {
        // The parent's neighbourhood is screened out: keep going from a random allowed cell.
        child = context.randomOpenCandidate();
      }
      if (child != null) {
        context.query(child);
        population.addLast(child);
        population.removeFirst();
      }
    }
  }

  private Deque<Arch> initialPopulation(SearchContext context) {
    Deque<Arch> population = new ArrayDeque<>();
    while (population.size() < populationSize && !context.exhausted()) {
      Arch a = context.randomOpenCandidate();
      if (a == null) {
        break;
      }
      context.query(a);
      population.addLast(a);
    }
    return population;
  }

  private Arch tournament(Deque<Arch> population, SearchContext context) {
    List<Arch> members = List.copyOf(population);
    Arch best = null;
    for (int i = 0; i < sampleSize; i++) {
      Arch a = members.get(context.random().nextInt(members.size()));
      if (best == null || context.score(a) > context.score(best)) {
        best = a;
      }
    }
    return best;
  }

  private static Arch mutateAllowed(Arch parent, SearchContext context) {
    for (int i = 0; i < MUTATION_TRIES; i++) {
      Arch child = mutate(parent, context.random());
      if (context.allowed(child)) {
        return child;
      }
    }
    return null;
  }

  // Visible for testing.
  static Arch mutate(Arch parent, SplittableRandom random) {
    int[] inputs = INPUT_EDGES[random.nextInt(INPUT_EDGES.length)];
    int edge = inputs[random.nextInt(inputs.length)];
    Op[] ops = parent.ops();
    int other = random.nextInt(Op.values().length - 1);
    // Skip the current op: the child always differs from the parent on that edge.
    ops[edge] = Op.fromId(other >= ops[edge].id() ? other + 1 : other);
    return Arch.of(ops);
  }
}
