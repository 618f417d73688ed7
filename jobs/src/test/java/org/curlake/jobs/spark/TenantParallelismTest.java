package org.curlake.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.junit.jupiter.api.Test;

/**
 * Tenants at a time: each in a session of its own, so the views the SQL models register by name do not
 * collide; results in the tenants' order; a failure thrown once the work already started has finished.
 */
class TenantParallelismTest {
  private final SparkSession spark = SharedSpark.session();
  private final List<TenantConfig> tenants = List.of(tenant("t1"), tenant("t2"), tenant("t3"));

  @Test
  void tenantsRunTogetherEachWithItsOwnViewsAndReportInOrder() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    Set<SparkSession> sessions = ConcurrentHashMap.newKeySet();
    List<String> reported = Collections.synchronizedList(new ArrayList<>());
    List<String> results = new TenantParallelism(spark, 2).map(tenants, (session, tenant) -> {
      sessions.add(session);
      session.sql("select '" + tenant.id() + "' as tenant").createOrReplaceTempView("current_tenant");
      bothStarted.countDown();
      await(bothStarted);
      // The other tenant registered the same view name meanwhile, in its own session.
      return session.sql("select tenant from current_tenant").first().getString(0);
    }, reported::add);
    assertEquals(List.of("t1", "t2", "t3"), results);
    assertEquals(results, reported);
    assertEquals(3, sessions.size(), "a session per tenant");
    assertTrue(sessions.stream().noneMatch(session -> session == spark));
    sessions.forEach(session -> assertSame(spark.sparkContext(), session.sparkContext()));
  }

  @Test
  void oneAtATimeRunsOnTheGivenSession() {
    List<SparkSession> sessions = new TenantParallelism(spark, 1).map(tenants, (session, tenant) -> session, r -> { });
    sessions.forEach(session -> assertSame(spark, session));
  }

  @Test
  void aFailureIsThrownAfterTheWorkStartedHasFinished() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    AtomicInteger finished = new AtomicInteger();
    Set<String> started = ConcurrentHashMap.newKeySet();
    List<String> reported = new ArrayList<>();
    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> new TenantParallelism(spark, 2).map(tenants, (session, tenant) -> {
          started.add(tenant.id());
          bothStarted.countDown();
          await(bothStarted);
          if (tenant.id().equals("t1")) {
            throw new IllegalStateException("t1 broke");
          }
          sleep(300);
          finished.incrementAndGet();
          return tenant.id();
        }, reported::add));
    assertEquals("t1 broke", failure.getMessage());
    assertEquals(Set.of("t1", "t2"), started, "the worker freed by t1's failure must not start t3");
    assertEquals(1, finished.get(), "t2 had started and finished");
    assertEquals(List.of(), reported);
  }

  @Test
  void parallelismBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TenantParallelism(spark, 0));
  }

  private static TenantConfig tenant(String id) {
    return TestTenants.tenant(id, Path.of("/tmp/curlake-none/" + id), Optional.empty());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS), "the other tenant did not start");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
