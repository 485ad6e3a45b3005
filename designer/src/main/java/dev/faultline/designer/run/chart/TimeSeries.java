package dev.faultline.designer.run.chart;

/**
 * An append-only series of samples (time in epoch millis, value) in primitive chunks, for one
 * writer thread and any number of readers.
 *
 * <p>The writer (a probe's sampling thread) calls {@link #append}; readers (the FX thread, once per
 * pulse) read {@link #size()} once and then only indices below it. The size is volatile and written
 * after the sample and any new chunk, so a reader that saw a size sees every sample below it.
 * Chunks never move once allocated, so growing costs a new chunk, never a copy of the samples, and
 * a reader never sees a half-copied array.
 *
 * <p>Times never go backwards: the decimator binary-searches them. A sample older than the last one
 * (a wall clock stepped back) is recorded at the last time rather than rejected, so a probe never
 * loses a sample to clock noise.
 */
public final class TimeSeries {

  static final int CHUNK_BITS = 14;
  static final int CHUNK_SIZE = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK_SIZE - 1;

  /** The chunk tables; replaced (never mutated in place beyond a fresh slot) when they grow. */
  private record Chunks(long[][] times, double[][] values) {}

  private volatile Chunks chunks = new Chunks(new long[4][], new double[4][]);
  private volatile int size;
  private long lastTime = Long.MIN_VALUE;

  /** Appends a sample; only one thread may append. {@code NaN} values are gaps (failed reads). */
  public void append(long timeMillis, double value) {
    int n = size;
    int chunk = n >>> CHUNK_BITS;
    int offset = n & CHUNK_MASK;
    Chunks current = chunks;
    if (offset == 0) {
      if (chunk == current.times.length) {
        current =
            new Chunks(
                java.util.Arrays.copyOf(current.times, chunk * 2),
                java.util.Arrays.copyOf(current.values, chunk * 2));
      }
      current.times[chunk] = new long[CHUNK_SIZE];
      current.values[chunk] = new double[CHUNK_SIZE];
      chunks = current;
    }
    long time = Math.max(timeMillis, lastTime);
    lastTime = time;
    current.times[chunk][offset] = time;
    current.values[chunk][offset] = value;
    size = n + 1; // publishes the sample (and the chunk) to readers
  }

  /** The number of samples published so far; read it once per frame and stay below it. */
  public int size() {
    return size;
  }

  /** The time of sample {@code index}, which must be below a size read earlier. */
  public long time(int index) {
    return chunks.times[index >>> CHUNK_BITS][index & CHUNK_MASK];
  }

  /** The value of sample {@code index}, which must be below a size read earlier. */
  public double value(int index) {
    return chunks.values[index >>> CHUNK_BITS][index & CHUNK_MASK];
  }

  /** The first index below {@code limit} whose time is at or after {@code time}, else limit. */
  public int indexAtOrAfter(long time, int limit) {
    int low = 0;
    int high = limit;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (time(mid) < time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The time chunk holding sample {@code index} (samples at {@code index & CHUNK_MASK}). */
  long[] timeChunk(int index) {
    return chunks.times[index >>> CHUNK_BITS];
  }

  /** The value chunk holding sample {@code index}. */
  double[] valueChunk(int index) {
    return chunks.values[index >>> CHUNK_BITS];
  }

  static int offset(int index) {
    return index & CHUNK_MASK;
  }
}
