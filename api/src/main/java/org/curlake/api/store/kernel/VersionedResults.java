package org.curlake.api.store.kernel;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Query results cached against the versions of the tables they were computed from: a result is
 * served again while those versions are unchanged, recomputed after a new commit.
 */
final class VersionedResults {
  private static final int MAX_ENTRIES = 20_000;
  private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  @SuppressWarnings("unchecked")
  <T> T get(Object query, long[] versions, Supplier<T> compute) {
    Entry entry = entries.get(query);
    if (entry != null && Arrays.equals(entry.versions(), versions)) {
      hits.incrementAndGet();
      return (T) entry.value();
    }
    misses.incrementAndGet();
    T value = compute.get();
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(query, new Entry(versions, value));
    return value;
  }

  long hits() {
    return hits.get();
  }

  long misses() {
    return misses.get();
  }

  private record Entry(long[] versions, Object value) {}
}
