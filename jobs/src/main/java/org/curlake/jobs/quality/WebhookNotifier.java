package org.curlake.jobs.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts (SLA breaches, failed quality checks, budget states) as JSON to a configured
 * webhook. A webhook that is down never fails the job: the failure is logged and reported.
 */
public final class WebhookNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<URI> url;
  private final HttpClient client;
  private final Duration timeout;

  public WebhookNotifier(Optional<URI> url, Duration timeout) {
    url.ifPresent(u -> {
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
        throw new IllegalArgumentException("webhook URL must be http(s): " + u);
      }
    });
    this.url = url;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A notifier that sends nothing. */
  public static WebhookNotifier disabled() {
    return new WebhookNotifier(Optional.empty(), Duration.ofSeconds(5));
  }

  public boolean enabled() {
    return url.isPresent();
  }

  public boolean slaBreach(SlaStatus status) {
    ObjectNode body = JSON.createObjectNode()
        .put("event", "sla_breach")
        .put("tenant_id", status.tenantId())
        .put("reference_time", status.referenceTime().toString())
        .put("latest_period", status.latestPeriod())
        .put("sla_hours", status.slaHours())
        .put("run_id", status.runId());
    if (status.lagHours() != null) {
      body.put("lag_hours", status.lagHours());
    }
    return post(body);
  }

  public boolean qualityFailures(String tenant, String period, List<DqResult> failures) {
    ObjectNode body = JSON.createObjectNode()
        .put("event", "dq_failure")
        .put("tenant_id", tenant)
        .put("billing_period", period);
    var checks = body.putArray("checks");
    for (DqResult failure : failures) {
      ObjectNode check = checks.addObject()
          .put("check_id", failure.checkId())
          .put("table", failure.table())
          .put("status", failure.status().name())
          .put("threshold", failure.threshold())
          .put("message", failure.message());
      if (failure.value() != null) {
        check.put("value", failure.value());
      }
    }
    return post(body);
  }

  /** Posts any JSON event; returns whether the webhook accepted it (2xx). */
  public boolean post(ObjectNode body) {
    if (url.isEmpty()) {
      return false;
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(url.get())
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build();
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        LOG.warn("webhook {} answered {} to event {}", url.get(), response.statusCode(), body.get("event"));
        return false;
      }
      return true;
    } catch (IOException e) {
      LOG.warn("webhook {} unreachable for event {}: {}", url.get(), body.get("event"), e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
