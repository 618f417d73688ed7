package org.curlake.jobs.utilization;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local CloudWatch endpoint speaking the protocol the SDK's CloudWatch client uses (awsQuery: a
 * form-encoded POST with Action=GetMetricData, an XML response). Answers each query with one datapoint
 * per day from {@code metrics} (instance id, metric name, day → value, or null for no datapoint).
 */
final class CloudWatchQueryServer implements AutoCloseable {
  /** instance, metric, day → the value, or null when CloudWatch has no datapoint. */
  interface Metrics {
    Double value(String instanceId, String metricName, LocalDate day);
  }

  private final HttpServer server;
  private final Metrics metrics;
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private final List<String> actions = Collections.synchronizedList(new ArrayList<>());

  CloudWatchQueryServer(Metrics metrics) throws IOException {
    this.metrics = metrics;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  List<String> actions() {
    return List.copyOf(actions);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> form = new TreeMap<>();
    for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    actions.add(form.get("Action"));
    byte[] body;
    int status = 200;
    if (!"GetMetricData".equals(form.get("Action"))) {
      status = 400;
      body = "<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>".getBytes(StandardCharsets.UTF_8);
    } else {
      body = getMetricData(form).getBytes(StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().add("Content-Type", "text/xml");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private String getMetricData(Map<String, String> form) {
    LocalDate start = Instant.parse(form.get("StartTime")).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate end = Instant.parse(form.get("EndTime")).atZone(ZoneOffset.UTC).toLocalDate();
    StringBuilder xml = new StringBuilder("<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
        + "<GetMetricDataResult><MetricDataResults>");
    for (int n = 1; form.containsKey("MetricDataQueries.member." + n + ".Id"); n++) {
      String prefix = "MetricDataQueries.member." + n + ".";
      String metric = form.get(prefix + "MetricStat.Metric.MetricName");
      String instance = form.get(prefix + "MetricStat.Metric.Dimensions.member.1.Value");
      StringBuilder timestamps = new StringBuilder();
      StringBuilder values = new StringBuilder();
      for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
        Double value = metrics.value(instance, metric, day);
        if (value != null) {
          timestamps.append("<member>").append(day.atStartOfDay().toInstant(ZoneOffset.UTC)).append("</member>");
          values.append("<member>").append(value).append("</member>");
        }
      }
      xml.append("<member><Id>").append(form.get(prefix + "Id")).append("</Id><Label>").append(metric)
          .append("</Label><Timestamps>").append(timestamps).append("</Timestamps><Values>").append(values)
          .append("</Values><StatusCode>Complete</StatusCode></member>");
    }
    return xml.append("</MetricDataResults><Messages/></GetMetricDataResult><ResponseMetadata><RequestId>"
        + "3c1f0e52-test</RequestId></ResponseMetadata></GetMetricDataResponse>").toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
