package org.curlake.jobs.utilization;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.curlake.config.CloudWatchConfig;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Reads daily EC2 CPUUtilization (Average) and NetworkIn + NetworkOut (Sum) per instance through
 * CloudWatch GetMetricData (AWS SDK for Java v2; credentials from the default chain).
 */
public final class CloudWatchMetrics implements AutoCloseable {
  /** GetMetricData takes at most 500 queries per call: three per instance. */
  private static final int INSTANCES_PER_CALL = 150;
  private static final int DAY_SECONDS = 86_400;

  private final CloudWatchClient client;

  public CloudWatchMetrics(CloudWatchConfig.Target target) {
    CloudWatchClientBuilder builder = CloudWatchClient.builder()
        .region(Region.of(target.region()))
        .credentialsProvider(DefaultCredentialsProvider.create())
        .httpClient(UrlConnectionHttpClient.builder().build());
    target.endpoint().ifPresent(builder::endpointOverride);
    this.client = builder.build();
  }

  /** Each instance's metrics for every day from {@code first} to {@code last} (inclusive). */
  public List<DailyUtilization> daily(List<String> instanceIds, LocalDate first, LocalDate last) {
    List<DailyUtilization> days = new ArrayList<>();
    for (int from = 0; from < instanceIds.size(); from += INSTANCES_PER_CALL) {
      List<String> batch = instanceIds.subList(from, Math.min(instanceIds.size(), from + INSTANCES_PER_CALL));
      days.addAll(fetch(batch, first, last));
    }
    return days;
  }

  private List<DailyUtilization> fetch(List<String> instances, LocalDate first, LocalDate last) {
    List<MetricDataQuery> queries = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      queries.add(query("cpu_" + i, instances.get(i), "CPUUtilization", "Average"));
      queries.add(query("in_" + i, instances.get(i), "NetworkIn", "Sum"));
      queries.add(query("out_" + i, instances.get(i), "NetworkOut", "Sum"));
    }
    GetMetricDataRequest request = GetMetricDataRequest.builder()
        .metricDataQueries(queries)
        .startTime(first.atStartOfDay().toInstant(ZoneOffset.UTC))
        .endTime(last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
        .scanBy(ScanBy.TIMESTAMP_ASCENDING)
        .build();
    Map<String, Map<LocalDate, Double>> byQuery = new HashMap<>();
    client.getMetricDataPaginator(request).metricDataResults().forEach(result -> collect(result, byQuery));
    List<DailyUtilization> days = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      Map<LocalDate, Double> cpu = byQuery.getOrDefault("cpu_" + i, Map.of());
      Map<LocalDate, Double> in = byQuery.getOrDefault("in_" + i, Map.of());
      Map<LocalDate, Double> out = byQuery.getOrDefault("out_" + i, Map.of());
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        OptionalDouble network = in.containsKey(day) && out.containsKey(day)
            ? OptionalDouble.of(in.get(day) + out.get(day)) : OptionalDouble.empty();
        OptionalDouble cpuPct = cpu.containsKey(day) ? OptionalDouble.of(cpu.get(day)) : OptionalDouble.empty();
        days.add(new DailyUtilization(instances.get(i), day, cpuPct, network));
      }
    }
    return days;
  }

  private static void collect(MetricDataResult result, Map<String, Map<LocalDate, Double>> byQuery) {
    Map<LocalDate, Double> values = byQuery.computeIfAbsent(result.id(), id -> new HashMap<>());
    List<Instant> timestamps = result.timestamps();
    for (int i = 0; i < timestamps.size() && i < result.values().size(); i++) {
      values.put(timestamps.get(i).atZone(ZoneOffset.UTC).toLocalDate(), result.values().get(i));
    }
  }

  private static MetricDataQuery query(String id, String instanceId, String metric, String stat) {
    return MetricDataQuery.builder().id(id).returnData(true)
        .metricStat(s -> s.stat(stat).period(DAY_SECONDS)
            .metric(m -> m.namespace("AWS/EC2").metricName(metric)
                .dimensions(Dimension.builder().name("InstanceId").value(instanceId).build())))
        .build();
  }

  @Override
  public void close() {
    client.close();
  }
}
