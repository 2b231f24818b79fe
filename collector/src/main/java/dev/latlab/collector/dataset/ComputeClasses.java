package dev.latlab.collector.dataset;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The members of each compute class (see {@link SearchSpace#computeIndex}), which nb201 does not
 * list. Computed once, on first use.
 */
final class ComputeClasses {
  private static final class Holder {
    static final Map<Integer, List<Arch>> MEMBERS = group();
  }

  private ComputeClasses() {}

  /**
   * Returns every compute class, keyed by its smallest index, with its members in index order.
   *
   * @return an unmodifiable map of 5390 classes
   */
  static Map<Integer, List<Arch>> all() {
    return Holder.MEMBERS;
  }

  /** Returns the members of the compute class of a cell, in index order. */
  static List<Arch> membersOf(Arch arch) {
    return Holder.MEMBERS.get(SearchSpace.computeIndex(arch));
  }

  private static Map<Integer, List<Arch>> group() {
    Map<Integer, List<Arch>> members = new TreeMap<>();
    for (Arch arch : Arch.all()) {
      members.computeIfAbsent(SearchSpace.computeIndex(arch), k -> new ArrayList<>()).add(arch);
    }
    Map<Integer, List<Arch>> frozen = new TreeMap<>();
    members.forEach((cls, list) -> frozen.put(cls, List.copyOf(list)));
    return Collections.unmodifiableMap(frozen);
  }
}
