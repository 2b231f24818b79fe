package dev.latlab.collector.dataset;

import dev.latlab.nb201.Arch;
import java.io.ByteArrayOutputStream;

/**
 * Writes a dataset exactly as LatBench (BRP-NAS) stores a device's latencies: a Python pickle of a
 * dict from the arch vector as a tuple of six ints ({@code (4, 2, 1, 2, 1, 1)} for index 0) to the
 * latency in seconds as a float. Only the latency survives; everything else in a row is dropped.
 *
 * <p>Pickle protocol 2, written without memoization (no PUT/GET, which is valid), with these
 * opcodes only:
 *
 * <pre>
 * PROTO 2      0x80 0x02       header
 * EMPTY_DICT   '}'             push {}
 * per batch of at most 1000 entries (as CPython batches them):
 *   MARK       '('
 *   per entry:
 *     MARK     '('             the key: protocol 2's TUPLE1..3 only cover up to 3 items,
 *     BININT1  'K' + 1 byte    so six ints go between MARK and TUPLE
 *     ...      (six times)
 *     TUPLE    't'
 *     BINFLOAT 'G' + 8 bytes   the value: IEEE 754 double, big-endian
 *   SETITEMS   'u'             add the batch's pairs to the dict
 * STOP         '.'
 * </pre>
 */
final class LatbenchPickleWriter implements DatasetWriter {
  /** Entries per SETITEMS, as CPython's pickler batches them. */
  static final int BATCH = 1000;

  private static final int PROTO = 0x80;
  private static final int EMPTY_DICT = '}';
  private static final int MARK = '(';
  private static final int BININT1 = 'K';
  private static final int TUPLE = 't';
  private static final int BINFLOAT = 'G';
  private static final int SETITEMS = 'u';
  private static final int STOP = '.';

  @Override
  public byte[] write(Dataset dataset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + dataset.rows().size() * 20);
    out.write(PROTO);
    out.write(2);
    out.write(EMPTY_DICT);
    int n = dataset.rows().size();
    for (int start = 0; start < n; start += BATCH) {
      out.write(MARK);
      for (DatasetRow row : dataset.rows().subList(start, Math.min(n, start + BATCH))) {
        key(out, row.arch());
        binfloat(out, seconds(row));
      }
      out.write(SETITEMS);
    }
    out.write(STOP);
    return out.toByteArray();
  }

  /** LatBench stores seconds; the collector stores milliseconds. */
  static double seconds(DatasetRow row) {
    return row.latencyMs() / 1000.0;
  }

  private static void key(ByteArrayOutputStream out, Arch arch) {
    out.write(MARK);
    for (int edge = 0; edge < Arch.EDGES; edge++) {
      out.write(BININT1);
      out.write(arch.op(edge).id());
    }
    out.write(TUPLE);
  }

  private static void binfloat(ByteArrayOutputStream out, double value) {
    out.write(BINFLOAT);
    long bits = Double.doubleToRawLongBits(value);
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (bits >>> shift) & 0xff);
    }
  }
}
