package dev.latlab.nb201;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The official NB201 API index as a fixed table. The index is not an enumeration order of the op
 * vector, so it ships as a resource: 15625 big-endian unsigned 16-bit op-vector codes in index order
 * (the code is the LatBench vector read as a base-5 number), generated from the {@code arch_index}
 * column of the public NB201 tables and checked against them in tests.
 */
final class ArchIndexTable {
  static final int SIZE = 15625;
  private static final String RESOURCE = "nb201-index.bin";

  private static final short[] CODE_BY_INDEX = load();
  private static final short[] INDEX_BY_CODE = invert(CODE_BY_INDEX);

  private ArchIndexTable() {}

  static int codeOf(int index) {
    return CODE_BY_INDEX[index] & 0xFFFF;
  }

  static int indexOf(int code) {
    return INDEX_BY_CODE[code] & 0xFFFF;
  }

  private static short[] load() {
    try (InputStream in = ArchIndexTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      DataInputStream data = new DataInputStream(in);
      short[] codes = new short[SIZE];
      for (int i = 0; i < SIZE; i++) {
        codes[i] = data.readShort();
      }
      return codes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static short[] invert(short[] codes) {
    short[] inverse = new short[SIZE];
    Arrays.fill(inverse, (short) -1);
    for (int i = 0; i < SIZE; i++) {
      int code = codes[i] & 0xFFFF;
      if (code >= SIZE || inverse[code] != -1) {
        throw new IllegalStateException(RESOURCE + " is corrupt at index " + i);
      }
      inverse[code] = (short) i;
    }
    return inverse;
  }
}
