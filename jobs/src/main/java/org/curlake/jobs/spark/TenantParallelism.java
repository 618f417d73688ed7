package org.curlake.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.TenantConfig;

/**
 * Runs a job's per-tenant work for several tenants at a time on one SparkContext. The checks and the
 * analytics run many small Spark jobs per tenant, and while the driver plans one job, reads a Delta
 * log or commits, the executors wait: with two tenants at a time the other tenant's tasks fill them.
 * Each tenant runs in a session of its own ({@link SparkSession#newSession()}: its own temporary
 * views, which the SQL models register by name, and its own SQL settings; the context, its executors,
 * its cache and the launch configuration are shared). Results come back in the tenants' order, each as
 * soon as it and the ones before it are done.
 */
public final class TenantParallelism {
  /** Tenants at a time unless a command says otherwise. */
  public static final int DEFAULT = 2;

  private final SparkSession spark;
  private final int parallelism;

  /**
   * @param parallelism tenants at a time; 1 runs them one after the other on {@code spark} itself
   */
  public TenantParallelism(SparkSession spark, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("tenant parallelism must be at least 1, not " + parallelism);
    }
    this.spark = spark;
    this.parallelism = parallelism;
  }

  /**
   * Applies {@code work} to every tenant (with the session to run it in) and hands each result to
   * {@code done} in the tenants' order. An exception of a tenant's work is thrown once the tenants
   * before it are done and the work already started has finished; tenants not started yet are not.
   */
  public <T> List<T> map(List<TenantConfig> tenants, BiFunction<SparkSession, TenantConfig, T> work, Consumer<T> done) {
    List<T> results = new ArrayList<>();
    if (parallelism == 1 || tenants.size() < 2) {
      for (TenantConfig tenant : tenants) {
        T result = work.apply(spark, tenant);
        done.accept(result);
        results.add(result);
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, tenants.size()), runnable -> {
      Thread thread = new Thread(runnable, "tenant-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      // Set by the worker whose tenant failed before it takes the next tenant, so no tenant starts
      // after a failure (cancelling from this thread would race the freed worker).
      AtomicBoolean failed = new AtomicBoolean();
      List<Future<T>> futures = new ArrayList<>();
      for (TenantConfig tenant : tenants) {
        futures.add(pool.submit(() -> {
          if (failed.get()) {
            throw new CancellationException("not started: an earlier tenant's work failed");
          }
          try {
            return work.apply(spark.newSession(), tenant);
          } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
          }
        }));
      }
      try {
        for (Future<T> future : futures) {
          T result = get(future);
          done.accept(result);
          results.add(result);
        }
      } catch (RuntimeException | Error e) {
        futures.forEach(future -> future.cancel(false));
        pool.shutdown();
        awaitTermination(pool);
        throw e;
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  private static void awaitTermination(ExecutorService pool) {
    try {
      pool.awaitTermination(Long.MAX_VALUE, java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a tenant's work", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
