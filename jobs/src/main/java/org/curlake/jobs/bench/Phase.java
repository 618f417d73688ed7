package org.curlake.jobs.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One measured phase of the benchmark: wall time, rows per second, the JVM's peak heap while it ran
 * (sum of the heap pools' peaks, reset when the phase starts) and the garbage collection it caused.
 *
 * @param name the phase, e.g. {@code floor} or {@code pipeline.curate}
 * @param rows the line items the phase processed
 * @param seconds wall time
 * @param peakHeapBytes peak heap used during the phase
 * @param gcCount collections during the phase
 * @param gcSeconds time spent collecting during the phase
 * @param sparkJobs Spark jobs the phase ran (each job pays scheduling overhead, whatever its size)
 * @param deltaCommits Delta commits the phase made (each pays a log write and snapshot update)
 */
public record Phase(String name, long rows, double seconds, long peakHeapBytes, long gcCount, double gcSeconds,
    long sparkJobs, long deltaCommits) {
  /** What a phase counts besides time and memory: Spark jobs and Delta commits. */
  public record Counters(LongSupplier sparkJobs, LongSupplier deltaCommits) {
    public static Counters none() {
      return new Counters(() -> 0, () -> 0);
    }
  }

  /** Runs {@code work} as the phase {@code name} over {@code rows} line items; {@code jobs} counts Spark jobs. */
  public static <T> Measured<T> measure(String name, long rows, Counters counters, Supplier<T> work) {
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long gcCountBefore = collections();
    long gcMillisBefore = collectionMillis();
    long jobsBefore = counters.sparkJobs().getAsLong();
    long commitsBefore = counters.deltaCommits().getAsLong();
    long started = System.nanoTime();
    T result = work.get();
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return new Measured<>(new Phase(name, rows, seconds, peak, collections() - gcCountBefore,
        (collectionMillis() - gcMillisBefore) / 1000.0, counters.sparkJobs().getAsLong() - jobsBefore,
        counters.deltaCommits().getAsLong() - commitsBefore), result);
  }

  public static Phase run(String name, long rows, Counters counters, Runnable work) {
    return measure(name, rows, counters, () -> {
      work.run();
      return null;
    }).phase();
  }

  /** A phase's measurement and what the phase returned. */
  public record Measured<T>(Phase phase, T result) {}

  /** The sum of phases run one after the other (peak heap: the largest peak). */
  public static Phase total(String name, List<Phase> phases) {
    return new Phase(name, phases.stream().mapToLong(Phase::rows).max().orElse(0),
        phases.stream().mapToDouble(Phase::seconds).sum(),
        phases.stream().mapToLong(Phase::peakHeapBytes).max().orElse(0),
        phases.stream().mapToLong(Phase::gcCount).sum(),
        phases.stream().mapToDouble(Phase::gcSeconds).sum(),
        phases.stream().mapToLong(Phase::sparkJobs).sum(),
        phases.stream().mapToLong(Phase::deltaCommits).sum());
  }

  public double rowsPerSecond() {
    return seconds <= 0 ? 0 : rows / seconds;
  }

  /** bench phase=floor rows=1000000 seconds=12.3 rows_per_s=81300 peak_heap_mb=812 gc_count=14 gc_seconds=0.4 */
  public String line() {
    return String.format(Locale.ROOT,
        "bench phase=%s rows=%d seconds=%.1f rows_per_s=%.0f peak_heap_mb=%d gc_count=%d gc_seconds=%.1f spark_jobs=%d"
            + " delta_commits=%d",
        name, rows, seconds, rowsPerSecond(), peakHeapBytes / (1024 * 1024), gcCount, gcSeconds, sparkJobs,
        deltaCommits);
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c >= 0).sum();
  }

  private static long collectionMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(c -> c >= 0).sum();
  }
}
