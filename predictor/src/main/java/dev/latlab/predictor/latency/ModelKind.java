package dev.latlab.predictor.latency;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The latency models LatLab trains, by their command-line names. */
public enum ModelKind {
  /** BRP-NAS's graph-convolutional network over the cell graph. */
  GCN,
  /** A multi-layer perceptron on the one-hot op vector (6 edges x 5 ops). */
  MLP,
  /** A straight line in the network's FLOPs. */
  FLOPS,
  /** A layer-wise sum: linear in the counts of each op type the network computes. */
  LAYERWISE;

  /**
   * Returns the command-line name.
   *
   * @return e.g. {@code gcn}
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a command-line name.
   *
   * @param name e.g. {@code gcn}
   * @return the kind
   * @throws IllegalArgumentException listing the known names
   */
  public static ModelKind parse(String name) {
    for (ModelKind kind : values()) {
      if (kind.cliName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown model '" + name + "'; known: " + names());
  }

  /**
   * Returns every command-line name.
   *
   * @return e.g. {@code gcn, mlp, flops, layerwise}
   */
  public static String names() {
    return Arrays.stream(values()).map(ModelKind::cliName).collect(Collectors.joining(", "));
  }
}
