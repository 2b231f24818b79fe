package dev.latlab.predictor.gcn;

import java.util.Arrays;
import java.util.Objects;

/**
 * One parameter tensor, row-major, named as in the PyTorch {@code state_dict} of BRP-NAS's GCN
 * ({@code gc.0.weight}, {@code bn.0.bias}, {@code fc.weight}, ...). Immutable: arrays are copied in
 * and out.
 *
 * @param name the parameter name
 * @param shape the dimensions
 * @param values the elements, {@code product(shape)} of them
 */
public record NamedTensor(String name, int[] shape, float[] values) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a dimension is negative or the element count does not match
   *     the shape
   */
  public NamedTensor {
    Objects.requireNonNull(name, "name");
    shape = shape.clone();
    values = values.clone();
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            name + ": negative dimension in " + Arrays.toString(shape));
      }
      count *= d;
    }
    if (count != values.length) {
      throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs "
          + count + " values, got " + values.length);
    }
  }

  /**
   * Returns the dimensions.
   *
   * @return a copy
   */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /**
   * Returns the elements.
   *
   * @return a copy
   */
  @Override
  public float[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamedTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
        && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
