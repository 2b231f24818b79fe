package dev.latlab.predictor.numeric;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel ({@code jdk.incubator.vector} FMA). It keeps a 4-row by up-to-3-vector block of C
 * in registers while it streams the packed panel of B, broadcasting one element of A per row and
 * step. Only {@link Sgemm} refers to this class, and only after it checked that the module is in
 * the boot layer, so the plain fallback never loads it.
 */
final class VectorGemmKernel implements GemmKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 4;
  private static final int NR = 3 * L;

  private VectorGemmKernel() {}

  /**
   * Creates the kernel. A static factory typed by the interface, so that callers do not make the
   * verifier load this class.
   *
   * @return the kernel
   */
  static GemmKernel create() {
    return new VectorGemmKernel();
  }

  @Override
  public int panelWidth() {
    return NR;
  }

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }

  @Override
  public void multiplyPanel(MatrixView a, int row0, int rows, float[] packed, int packedOffset,
      int width, float[] c, int cOffset, int ldc, boolean accumulate, float[] spill) {
    int vectors = (width + L - 1) / L;
    for (int i = 0; i < rows; i += MR) {
      int blockRows = Math.min(MR, rows - i);
      Block block = new Block(a, row0 + i, blockRows, packed, packedOffset, width, c,
          cOffset + i * ldc, ldc, accumulate, spill);
      switch (vectors) {
        case 3 -> block.run3();
        case 2 -> block.run2();
        default -> block.run1();
      }
    }
  }

  /**
   * One 4-row block. A block of rows fewer than 4 repeats its last row (the extra results are
   * dropped), so one register layout serves every block.
   */
  private static final class Block {
    private final float[] ad;
    private final int depth;
    private final int cs;
    private final int a0;
    private final int a1;
    private final int a2;
    private final int a3;
    private final float[] p;
    private final int p0;
    private final float[] tile;
    private final float[] c;
    private final int cOffset;
    private final int ldc;
    private final int rows;
    private final int width;
    private final boolean accumulate;

    Block(MatrixView a, int row, int rows, float[] packed, int packedOffset, int width,
        float[] c, int cOffset, int ldc, boolean accumulate, float[] spill) {
      this.ad = a.data();
      this.depth = a.cols();
      this.cs = a.colStride();
      this.a0 = a.index(row, 0);
      this.a1 = a.index(row + Math.min(1, rows - 1), 0);
      this.a2 = a.index(row + Math.min(2, rows - 1), 0);
      this.a3 = a.index(row + Math.min(3, rows - 1), 0);
      this.p = packed;
      this.p0 = packedOffset;
      this.tile = spill;
      this.c = c;
      this.cOffset = cOffset;
      this.ldc = ldc;
      this.rows = rows;
      this.width = width;
      this.accumulate = accumulate;
    }

    /** Copies (or adds) the valid rows and columns of the tile into C. */
    private void flush() {
      for (int r = 0; r < rows; r++) {
        int at = cOffset + r * ldc;
        int from = r * NR;
        int j = 0;
        for (; j + L <= width; j += L) {
          FloatVector v = FloatVector.fromArray(S, tile, from + j);
          if (accumulate) {
            v = v.add(FloatVector.fromArray(S, c, at + j));
          }
          v.intoArray(c, at + j);
        }
        for (; j < width; j++) {
          c[at + j] = accumulate ? c[at + j] + tile[from + j] : tile[from + j];
        }
      }
    }

    void run3() {
      // Locals, not fields, in the hot loop: C2 keeps them in registers.
      final float[] ad = this.ad;
      final float[] p = this.p;
      final int p0 = this.p0;
      final int depth = this.depth;
      final int cs = this.cs;
      final int a0 = this.a0;
      final int a1 = this.a1;
      final int a2 = this.a2;
      final int a3 = this.a3;
      FloatVector c00 = FloatVector.zero(S);
      FloatVector c01 = c00;
      FloatVector c02 = c00;
      FloatVector c10 = c00;
      FloatVector c11 = c00;
      FloatVector c12 = c00;
      FloatVector c20 = c00;
      FloatVector c21 = c00;
      FloatVector c22 = c00;
      FloatVector c30 = c00;
      FloatVector c31 = c00;
      FloatVector c32 = c00;
      for (int k = 0, pk = p0, ak = 0; k < depth; k++, pk += NR, ak += cs) {
        FloatVector b0 = FloatVector.fromArray(S, p, pk);
        FloatVector b1 = FloatVector.fromArray(S, p, pk + L);
        FloatVector b2 = FloatVector.fromArray(S, p, pk + 2 * L);
        FloatVector x = FloatVector.broadcast(S, ad[a0 + ak]);
        c00 = b0.fma(x, c00);
        c01 = b1.fma(x, c01);
        c02 = b2.fma(x, c02);
        x = FloatVector.broadcast(S, ad[a1 + ak]);
        c10 = b0.fma(x, c10);
        c11 = b1.fma(x, c11);
        c12 = b2.fma(x, c12);
        x = FloatVector.broadcast(S, ad[a2 + ak]);
        c20 = b0.fma(x, c20);
        c21 = b1.fma(x, c21);
        c22 = b2.fma(x, c22);
        x = FloatVector.broadcast(S, ad[a3 + ak]);
        c30 = b0.fma(x, c30);
        c31 = b1.fma(x, c31);
        c32 = b2.fma(x, c32);
      }
      // Accumulators go only to intrinsics (add, intoArray): passing them to a method that is not
      // inlined would make C2 box them, which can cost the loop its registers.
      if (rows == MR && width == NR) {
        final float[] out = this.c;
        final int o0 = cOffset;
        final int o1 = o0 + ldc;
        final int o2 = o1 + ldc;
        final int o3 = o2 + ldc;
        if (accumulate) {
          c00 = c00.add(FloatVector.fromArray(S, out, o0));
          c01 = c01.add(FloatVector.fromArray(S, out, o0 + L));
          c02 = c02.add(FloatVector.fromArray(S, out, o0 + 2 * L));
          c10 = c10.add(FloatVector.fromArray(S, out, o1));
          c11 = c11.add(FloatVector.fromArray(S, out, o1 + L));
          c12 = c12.add(FloatVector.fromArray(S, out, o1 + 2 * L));
          c20 = c20.add(FloatVector.fromArray(S, out, o2));
          c21 = c21.add(FloatVector.fromArray(S, out, o2 + L));
          c22 = c22.add(FloatVector.fromArray(S, out, o2 + 2 * L));
          c30 = c30.add(FloatVector.fromArray(S, out, o3));
          c31 = c31.add(FloatVector.fromArray(S, out, o3 + L));
          c32 = c32.add(FloatVector.fromArray(S, out, o3 + 2 * L));
        }
        c00.intoArray(out, o0);
        c01.intoArray(out, o0 + L);
        c02.intoArray(out, o0 + 2 * L);
        c10.intoArray(out, o1);
        c11.intoArray(out, o1 + L);
        c12.intoArray(out, o1 + 2 * L);
        c20.intoArray(out, o2);
        c21.intoArray(out, o2 + L);
        c22.intoArray(out, o2 + 2 * L);
        c30.intoArray(out, o3);
        c31.intoArray(out, o3 + L);
        c32.intoArray(out, o3 + 2 * L);
        return;
      }
      // A partial block goes through the tile, from which only its valid part is copied.
      final float[] t = this.tile;
      c00.intoArray(t, 0);
      c01.intoArray(t, L);
      c02.intoArray(t, 2 * L);
      c10.intoArray(t, NR);
      c11.intoArray(t, NR + L);
      c12.intoArray(t, NR + 2 * L);
      c20.intoArray(t, 2 * NR);
      c21.intoArray(t, 2 * NR + L);
      c22.intoArray(t, 2 * NR + 2 * L);
      c30.intoArray(t, 3 * NR);
      c31.intoArray(t, 3 * NR + L);
      c32.intoArray(t, 3 * NR + 2 * L);
      flush();
    }

    void run2() {
      // Locals, not fields, in the hot loop: C2 keeps them in registers.
      final float[] ad = this.ad;
      final float[] p = this.p;
      final int p0 = this.p0;
      final int depth = this.depth;
      final int cs = this.cs;
      final int a0 = this.a0;
      final int a1 = this.a1;
      final int a2 = this.a2;
      final int a3 = this.a3;
      FloatVector c00 = FloatVector.zero(S);
      FloatVector c01 = c00;
      FloatVector c10 = c00;
      FloatVector c11 = c00;
      FloatVector c20 = c00;
      FloatVector c21 = c00;
      FloatVector c30 = c00;
      FloatVector c31 = c00;
      for (int k = 0, pk = p0, ak = 0; k < depth; k++, pk += NR, ak += cs) {
        FloatVector b0 = FloatVector.fromArray(S, p, pk);
        FloatVector b1 = FloatVector.fromArray(S, p, pk + L);
        FloatVector x = FloatVector.broadcast(S, ad[a0 + ak]);
        c00 = b0.fma(x, c00);
        c01 = b1.fma(x, c01);
        x = FloatVector.broadcast(S, ad[a1 + ak]);
        c10 = b0.fma(x, c10);
        c11 = b1.fma(x, c11);
        x = FloatVector.broadcast(S, ad[a2 + ak]);
        c20 = b0.fma(x, c20);
        c21 = b1.fma(x, c21);
        x = FloatVector.broadcast(S, ad[a3 + ak]);
        c30 = b0.fma(x, c30);
        c31 = b1.fma(x, c31);
      }
      final float[] t = this.tile;
      c00.intoArray(t, 0);
      c01.intoArray(t, L);
      c10.intoArray(t, NR);
      c11.intoArray(t, NR + L);
      c20.intoArray(t, 2 * NR);
      c21.intoArray(t, 2 * NR + L);
      c30.intoArray(t, 3 * NR);
      c31.intoArray(t, 3 * NR + L);
      flush();
    }

    void run1() {
      // Locals, not fields, in the hot loop: C2 keeps them in registers.
      final float[] ad = this.ad;
      final float[] p = this.p;
      final int p0 = this.p0;
      final int depth = this.depth;
      final int cs = this.cs;
      final int a0 = this.a0;
      final int a1 = this.a1;
      final int a2 = this.a2;
      final int a3 = this.a3;
      FloatVector c00 = FloatVector.zero(S);
      FloatVector c10 = c00;
      FloatVector c20 = c00;
      FloatVector c30 = c00;
      for (int k = 0, pk = p0, ak = 0; k < depth; k++, pk += NR, ak += cs) {
        FloatVector b0 = FloatVector.fromArray(S, p, pk);
        c00 = b0.fma(FloatVector.broadcast(S, ad[a0 + ak]), c00);
        c10 = b0.fma(FloatVector.broadcast(S, ad[a1 + ak]), c10);
        c20 = b0.fma(FloatVector.broadcast(S, ad[a2 + ak]), c20);
        c30 = b0.fma(FloatVector.broadcast(S, ad[a3 + ak]), c30);
      }
      final float[] t = this.tile;
      c00.intoArray(t, 0);
      c10.intoArray(t, NR);
      c20.intoArray(t, 2 * NR);
      c30.intoArray(t, 3 * NR);
      flush();
    }
  }
}
