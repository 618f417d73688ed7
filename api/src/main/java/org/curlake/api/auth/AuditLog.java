package org.curlake.api.auth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logfmt line per cost view: when, who, which tenant, which route and query, the status.
 * Requests only queue what they saw (time, user, tenant, route, query, status); one writer thread
 * formats and appends the lines and flushes after each batch, so auditing costs the request threads
 * one small record and never serialises them. {@link #close} writes all.
 */
public final class AuditLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private final BufferedWriter writer;
  private final LinkedBlockingQueue<View> pending = new LinkedBlockingQueue<>(100_000);
  private final Thread drainer;
  private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean open = true;

  public AuditLog(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
    }
    drainer = new Thread(this::drain, "audit-log-writer");
    drainer.setDaemon(true);
    drainer.start();
  }

  public void record(String user, String tenant, String route, String query, int status) {
    try {
      pending.put(new View(System.currentTimeMillis(), user, tenant, route, query, status));
      queued.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while auditing", e);
    }
  }

  /** Waits until every line recorded so far is in the file (tests and shutdown). */
  public void flush() {
    long target = queued.get();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (written.get() < target && drainer.isAlive() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void drain() {
    List<View> batch = new ArrayList<>();
    while (open || !pending.isEmpty()) {
      try {
        View first = pending.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        pending.drainTo(batch, 10_000);
        synchronized (writer) {
          for (View view : batch) {
            writer.write(view.line());
            writer.newLine();
          }
          writer.flush();
        }
        written.addAndGet(batch.size());
        batch.clear();
      } catch (IOException e) {
        LOG.error("cannot write the audit log: {}", e.getMessage());
        written.addAndGet(batch.size());
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    flush();
    open = false;
    try {
      drainer.join(5_000);
      synchronized (writer) {
        writer.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One cost view, formatted as its logfmt line by the writer thread. */
  private record View(long epochMillis, String user, String tenant, String route, String query, int status) {
    String line() {
      return "ts=" + Instant.ofEpochMilli(epochMillis) + " event=cost_view user=" + user + " tenant=" + (tenant == null ? "*" : tenant)
          + " route=\"" + route + "\" query=\"" + query.replace("\"", "%22") + "\" status=" + status;
    }
  }
}
