package dev.faultline.designer.run.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

  @Test
  void growsAcrossChunksKeepingEverySample() {
    TimeSeries series = new TimeSeries();
    int n = TimeSeries.CHUNK_SIZE * 5 + 17; // past the first table of 4 chunks
    for (int i = 0; i < n; i++) {
      series.append(1000L + i, i * 0.5);
    }
    assertThat(series.size()).isEqualTo(n);
    for (int i = 0; i < n; i += 997) {
      assertThat(series.time(i)).isEqualTo(1000L + i);
      assertThat(series.value(i)).isEqualTo(i * 0.5);
    }
    assertThat(series.value(n - 1)).isEqualTo((n - 1) * 0.5);
  }

  @Test
  void aTimeGoingBackwardsIsRecordedAtTheLastTime() {
    TimeSeries series = new TimeSeries();
    series.append(500, 1);
    series.append(400, 2);
    assertThat(series.time(1)).isEqualTo(500);
    assertThat(series.value(1)).isEqualTo(2);
  }

  @Test
  void findsTheFirstSampleAtOrAfterATime() {
    TimeSeries series = new TimeSeries();
    for (long t : new long[] {10, 20, 20, 30}) {
      series.append(t, 0);
    }
    assertThat(series.indexAtOrAfter(5, 4)).isZero();
    assertThat(series.indexAtOrAfter(20, 4)).isEqualTo(1);
    assertThat(series.indexAtOrAfter(21, 4)).isEqualTo(3);
    assertThat(series.indexAtOrAfter(31, 4)).isEqualTo(4);
    assertThat(series.indexAtOrAfter(30, 3)).isEqualTo(3); // limited to a size read earlier
  }

  @Test
  void aReaderSeesEverySampleBelowThePublishedSizeWhileTheWriterAppends() throws Exception {
    TimeSeries series = new TimeSeries();
    int n = 400_000;
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < n; i++) {
                    series.append(i, i);
                  }
                });
    AtomicReference<String> broken = new AtomicReference<>();
    while (writer.isAlive() || series.size() < n) {
      int size = series.size();
      if (size > 0) {
        int i = size - 1;
        if (series.time(i) != i || series.value(i) != i) {
          broken.set("sample " + i + " not published with the size");
          break;
        }
      }
    }
    writer.join();
    assertThat(broken.get()).isNull();
    assertThat(series.size()).isEqualTo(n);
  }
}
