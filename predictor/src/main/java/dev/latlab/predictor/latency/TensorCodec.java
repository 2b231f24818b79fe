package dev.latlab.predictor.latency;

import dev.latlab.predictor.gcn.NamedTensor;
import dev.latlab.proto.v1.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Converts network parameters to and from the saved file's {@link Tensor} messages. */
final class TensorCodec {
  private TensorCodec() {}

  static List<Tensor> toProto(List<NamedTensor> tensors) {
    List<Tensor> out = new ArrayList<>(tensors.size());
    for (NamedTensor t : tensors) {
      Tensor.Builder b = Tensor.newBuilder().setName(t.name());
      for (int d : t.shape()) {
        b.addShape(d);
      }
      float[] values = t.values();
      for (float v : values) {
        b.addFloats(v);
      }
      out.add(b.build());
    }
    return out;
  }

  static List<NamedTensor> fromProto(List<Tensor> tensors) {
    List<NamedTensor> out = new ArrayList<>(tensors.size());
    for (Tensor t : tensors) {
      int[] shape = t.getShapeList().stream().mapToInt(Integer::intValue).toArray();
      float[] values = new float[t.getFloatsCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = t.getFloats(i);
      }
      out.add(new NamedTensor(t.getName(), shape, values));
    }
    return out;
  }
}
