package org.curlake.jobs.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.sql.SparkSession;

/** Counts the Spark jobs that ended in a session's context, to show where many small jobs add up. */
final class SparkJobCounter extends SparkListener implements LongSupplier {
  private final AtomicLong jobs = new AtomicLong();

  static SparkJobCounter register(SparkSession spark) {
    SparkJobCounter counter = new SparkJobCounter();
    spark.sparkContext().addSparkListener(counter);
    return counter;
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    jobs.incrementAndGet();
  }

  @Override
  public long getAsLong() {
    return jobs.get();
  }
}
