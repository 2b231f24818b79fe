package dev.latlab.nb201.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.QuantizationParametersT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/** The structure of int8 TFLite models, read back from the flatbuffer: types and quantisation. */
class TfliteInt8EmitterTest {
  private static final long SEED = 42;
  private static final NetworkSpec INT8 = NetworkSpec.CIFAR10.withPrecision(Precision.INT8);
  /** Every op: skip, conv 1x1, conv 3x3, avg pool; sums of two and three edges. */
  private static final Arch EVERY_OP = Arch.parse("123412");

  private static final ParsedTflite MODEL =
      ParsedTflite.of(TfliteEmitter.toBytes(NetworkBuilder.build(EVERY_OP, INT8, SEED)));

  @Test
  void toBytes_int8_floatInputAndLogitsAroundQuantizeAndDequantize() {
    List<OperatorT> ops = MODEL.operators();

    assertThat(MODEL.graphInput().getName()).isEqualTo("input");
    assertThat(MODEL.graphInput().getType()).isEqualTo(TensorType.FLOAT32);
    assertThat(MODEL.graphOutput().getName()).isEqualTo("logits");
    assertThat(MODEL.graphOutput().getType()).isEqualTo(TensorType.FLOAT32);
    assertThat(MODEL.builtin(ops.get(0))).isEqualTo(BuiltinOperator.QUANTIZE);
    assertThat(MODEL.input(ops.get(0), 0)).isSameAs(MODEL.graphInput());
    OperatorT last = ops.get(ops.size() - 1);
    assertThat(MODEL.builtin(last)).isEqualTo(BuiltinOperator.DEQUANTIZE);
    assertThat(MODEL.output(last)).isSameAs(MODEL.graphOutput());
    assertThat(MODEL.input(last, 0).getName()).isEqualTo("logits_int8");
  }

  @Test
  void toBytes_int8_sameOperatorsAsFp32BetweenQuantizeAndDequantize() {
    ParsedTflite fp32 = ParsedTflite.of(
        TfliteEmitter.toBytes(NetworkBuilder.build(EVERY_OP, NetworkSpec.CIFAR10, SEED)));
    List<Integer> int8 = MODEL.builtins();
    // Delegate-friendly forms: RELU as a requantising QUANTIZE, an average pool as a depthwise
    // conv, followed by a MUL (count correction) when padded.
    List<Integer> expected = new ArrayList<>();
    for (int op : fp32.builtins()) {
      expected.add(op == BuiltinOperator.RELU ? BuiltinOperator.QUANTIZE
          : op == BuiltinOperator.AVERAGE_POOL_2D ? BuiltinOperator.DEPTHWISE_CONV_2D : op);
    }
    List<Integer> inner = new ArrayList<>();
    List<OperatorT> ops = MODEL.operators();
    for (int i = 1; i < ops.size() - 1; i++) {
      if (!MODEL.input(ops.get(i), 0).getName().endsWith("/padded_mean")) {
        inner.add(int8.get(i));
      }
    }

    assertThat(inner).isEqualTo(expected);
    assertThat(int8).doesNotContain(BuiltinOperator.RELU, BuiltinOperator.AVERAGE_POOL_2D);
  }

  @Test
  void toBytes_int8_addInputScalesWithinXnnpackRange() {
    // XNNPACK leaves an int8 ADD to TFLite (splitting the graph) below input/output scale 1/1024.
    for (OperatorT add : MODEL.operators(BuiltinOperator.ADD)) {
      float out = MODEL.output(add).getQuantization().getScale()[0];
      for (int k = 0; k < 2; k++) {
        float in = MODEL.input(add, k).getQuantization().getScale()[0];
        assertThat(in / out).as(MODEL.output(add).getName()).isBetween(1f / 1024, 256f);
      }
    }
  }

  @Test
  void toBytes_int8_paddedPoolDividesBorderPixelsByTheirRealCount() {
    List<OperatorT> corrections = MODEL.operators(BuiltinOperator.MUL).stream()
        .filter(op -> MODEL.input(op, 0).getName().endsWith("/padded_mean")).toList();
    assertThat(corrections).isNotEmpty();
    TensorT counts = MODEL.input(corrections.get(0), 1);
    byte[] q = MODEL.int8Data(counts);
    float scale = counts.getQuantization().getScale()[0];
    int w = counts.getShape()[2];
    // 3x3 windows over 32x32, padding 1: corners see 4 pixels, edges 6, the rest 9.
    assertThat(q[0] * scale).isCloseTo(9f / 4, within(1e-6f));
    assertThat(q[1] * scale).isCloseTo(9f / 6, within(1e-6f));
    assertThat(q[w + 1] * scale).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void toBytes_int8_everyInnerActivationIsInt8PerTensor() {
    int checked = 0;
    for (OperatorT op : MODEL.operators()) {
      TensorT out = MODEL.output(op);
      if (out == MODEL.graphOutput()) {
        continue;
      }
      assertThat(out.getType()).as(out.getName()).isEqualTo(TensorType.INT8);
      QuantizationParametersT q = out.getQuantization();
      assertThat(q.getScale()).as(out.getName()).hasSize(1);
      assertThat(q.getScale()[0]).as(out.getName()).isPositive();
      assertThat(q.getZeroPoint()[0]).as(out.getName()).isBetween(-128L, 127L);
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void toBytes_int8_convWeightsSymmetricPerOutputChannel() {
    List<OperatorT> convs = MODEL.operators(BuiltinOperator.CONV_2D);
    assertThat(convs).isNotEmpty();
    for (OperatorT conv : convs) {
      TensorT w = MODEL.input(conv, 1);
      QuantizationParametersT q = w.getQuantization();
      int outChannels = w.getShape()[0];

      assertThat(w.getType()).isEqualTo(TensorType.INT8);
      assertThat(q.getQuantizedDimension()).as(w.getName()).isZero();
      assertThat(q.getScale()).as(w.getName()).hasSize(outChannels);
      assertThat(q.getZeroPoint()).as(w.getName()).hasSize(outChannels).containsOnly(0L);
      assertThat(channelAbsMax(MODEL.int8Data(w), outChannels)).as(w.getName()).containsOnly(127);
    }
  }

  @Test
  void toBytes_int8_biasScaleIsInputScaleTimesWeightScale() {
    List<OperatorT> ops = new ArrayList<>(MODEL.operators(BuiltinOperator.CONV_2D));
    ops.addAll(MODEL.operators(BuiltinOperator.FULLY_CONNECTED));
    for (OperatorT op : ops) {
      float inputScale = MODEL.input(op, 0).getQuantization().getScale()[0];
      float[] weightScales = MODEL.input(op, 1).getQuantization().getScale();
      TensorT bias = MODEL.input(op, 2);
      QuantizationParametersT q = bias.getQuantization();

      assertThat(bias.getType()).isEqualTo(TensorType.INT32);
      assertThat(q.getScale()).hasSameSizeAs(weightScales);
      assertThat(q.getZeroPoint()).containsOnly(0L);
      for (int i = 0; i < weightScales.length; i++) {
        double expected = (double) inputScale * weightScales[i];
        assertThat((double) q.getScale()[i]).as(bias.getName())
            .isCloseTo(expected, within(expected * 1e-6));
      }
    }
  }

  @Test
  void toBytes_int8_classifierWeightsPerTensor() {
    OperatorT fc = MODEL.operators(BuiltinOperator.FULLY_CONNECTED).get(0);
    TensorT w = MODEL.input(fc, 1);

    assertThat(w.getType()).isEqualTo(TensorType.INT8);
    assertThat(w.getQuantization().getScale()).hasSize(1);
    assertThat(w.getQuantization().getZeroPoint()).containsExactly(0L);
    assertThat(channelAbsMax(MODEL.int8Data(w), 1)).containsExactly(127);
  }

  @Test
  void toBytes_int8_poolAndPadOutputsKeepInputQuantization() {
    List<OperatorT> ops = new ArrayList<>(MODEL.operators(BuiltinOperator.DEPTHWISE_CONV_2D));
    ops.addAll(MODEL.operators(BuiltinOperator.PAD));
    ops.addAll(MODEL.operators(BuiltinOperator.MUL).stream()
        .filter(op -> MODEL.input(op, 0).getName().endsWith("/padded_mean")).toList());
    assertThat(ops).hasSizeGreaterThan(10);
    for (OperatorT op : ops) {
      assertThat(ParsedTflite.quantization(MODEL.output(op)))
          .isEqualTo(ParsedTflite.quantization(MODEL.input(op, 0)));
    }
  }

  @Test
  void toBytes_int8_reluOutputsHoldZeroAtTheBottomOfTheirRange() {
    List<OperatorT> relus = MODEL.operators(BuiltinOperator.QUANTIZE).stream()
        .filter(op -> MODEL.input(op, 0).getType() == TensorType.INT8).toList();
    assertThat(relus).hasSizeGreaterThan(10);
    for (OperatorT relu : relus) {
      // Requantising into zero point -128 saturates every negative value to real 0.
      assertThat(MODEL.output(relu).getQuantization().getZeroPoint()).containsExactly(-128L);
    }
  }

  @Test
  void toBytes_int8_kernelVersionsOfInt8Ops() {
    assertThat(versions(BuiltinOperator.CONV_2D)).containsOnly(3);
    assertThat(versions(BuiltinOperator.DEPTHWISE_CONV_2D)).containsOnly(3);
    assertThat(versions(BuiltinOperator.FULLY_CONNECTED)).containsOnly(4);
    assertThat(versions(BuiltinOperator.DEQUANTIZE)).containsOnly(2);
    assertThat(versions(BuiltinOperator.QUANTIZE)).containsOnly(1);
    for (int op : new int[] {BuiltinOperator.ADD, BuiltinOperator.PAD, BuiltinOperator.MEAN}) {
      assertThat(versions(op)).as("op %d", op).containsOnly(2);
    }
    assertThat(versions(BuiltinOperator.MUL)).isNotEmpty().isSubsetOf(2, 3);
  }

  @Test
  void toBytes_int8SameSeed_identicalBytesAndQuarterOfFp32() {
    Arch largest = Arch.parse("333333");
    byte[] first = TfliteEmitter.toBytes(NetworkBuilder.build(largest, INT8, SEED));
    byte[] second = TfliteEmitter.toBytes(NetworkBuilder.build(largest, INT8, SEED));
    byte[] fp32 =
        TfliteEmitter.toBytes(NetworkBuilder.build(largest, NetworkSpec.CIFAR10, SEED));

    assertThat(second).isEqualTo(first);
    assertThat((double) first.length / fp32.length).isBetween(0.24, 0.3);
  }

  @Test
  void toBytes_degenerateCell_alwaysZeroTensorsGetUnitRange() {
    ParsedTflite zero = ParsedTflite.of(TfliteEmitter.toBytes(
        NetworkBuilder.build(Arch.parse("000000"), INT8, SEED)));
    OperatorT firstMul = zero.operators(BuiltinOperator.MUL).get(0);

    // x * 0: always zero, quantised over [-1, 1] rather than an invalid zero scale.
    assertThat(zero.output(firstMul).getQuantization().getScale()[0])
        .isCloseTo(2f / 255, within(1e-7f));
  }

  @Test
  void onnxEmitter_int8Network_refusedNamingTflite() {
    Network net = NetworkBuilder.build(EVERY_OP, INT8, SEED);

    assertThatThrownBy(() -> OnnxEmitter.toBytes(net))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("float32 only")
        .hasMessageContaining("TFLite");
    assertThat(ModelFormat.ONNX.supports(Precision.INT8)).isFalse();
    assertThat(ModelFormat.TFLITE.supports(Precision.INT8)).isTrue();
  }

  private List<Integer> versions(int builtin) {
    return MODEL.operators(builtin).stream().map(MODEL::version).distinct().toList();
  }

  /** The largest |value| of each of {@code slices} equal consecutive slices. */
  private static List<Integer> channelAbsMax(byte[] values, int slices) {
    int per = values.length / slices;
    List<Integer> max = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      int m = 0;
      for (int i = s * per; i < (s + 1) * per; i++) {
        assertThat((int) values[i]).isBetween(-127, 127);
        m = Math.max(m, Math.abs(values[i]));
      }
      max.add(m);
    }
    return max;
  }
}
