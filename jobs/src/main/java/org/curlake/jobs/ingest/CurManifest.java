package org.curlake.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CUR delivery manifest: which files make up one delivery of one billing period.
 *
 * <ul>
 *   <li>Legacy CUR: {@code <prefix>/<report>/<yyyyMMdd-yyyyMMdd>/<report>-Manifest.json} (the period's
 *       current delivery) and a copy in each {@code <assemblyId>/} folder; fields {@code assemblyId},
 *       {@code billingPeriod.start} ({@code 20181001T000000.000Z}), {@code bucket}, {@code reportKeys}
 *       (object keys in the bucket).
 *   <li>CUR 2.0 (Data Exports): {@code <prefix>/<export>/metadata/BILLING_PERIOD=YYYY-MM/<export>-Manifest.json};
 *       fields {@code executionId}, {@code dataFiles} ({@code s3://bucket/key} URIs or keys); the period is the
 *       manifest's {@code BILLING_PERIOD=} folder (and {@code billingPeriod.start} when present must agree).
 * </ul>
 *
 * @param path where the manifest is (Hadoop path)
 * @param period the billing period it delivers
 * @param deliveryId the assembly id (legacy) or execution id (CUR 2.0)
 * @param dataFiles the delivered files as listed: keys or s3:// URIs, in manifest order
 * @param bucket the bucket the keys are in, when the manifest names one
 * @param periodLevel true for the manifest directly in the period folder, which AWS rewrites on every delivery
 * @param modificationTime the manifest's last modification, epoch millis
 */
public record CurManifest(String path, BillingPeriod period, String deliveryId, List<String> dataFiles,
    Optional<String> bucket, boolean periodLevel, long modificationTime) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RANGE_FOLDER = Pattern.compile("(\\d{8})-(\\d{8})");
  private static final Pattern PERIOD_FOLDER = Pattern.compile("(?i)BILLING_PERIOD=(\\d{4}-\\d{2})");
  private static final Pattern LEGACY_START = Pattern.compile("(\\d{4})(\\d{2})01T.*");
  private static final Pattern ISO_START = Pattern.compile("(\\d{4})-(\\d{2})-01(T.*)?");

  public CurManifest {
    dataFiles = List.copyOf(dataFiles);
  }

  /** True for a file name AWS gives manifests ({@code <report>-Manifest.json}). */
  public static boolean isManifestName(String fileName) {
    return fileName.endsWith("Manifest.json") && !fileName.startsWith(".") && !fileName.startsWith("_");
  }

  /**
   * The billing period a manifest's location names ({@code BILLING_PERIOD=} or a {@code yyyyMMdd-yyyyMMdd}
   * folder), so a manifest that cannot be read still fails only its period.
   */
  public static Optional<BillingPeriod> periodOfLocation(String path) {
    Matcher period = PERIOD_FOLDER.matcher(path);
    if (period.find()) {
      return Optional.of(BillingPeriod.parse(period.group(1)));
    }
    Matcher range = RANGE_FOLDER.matcher(path);
    while (range.find()) {
      String start = range.group(1);
      if (start.endsWith("01")) {
        return Optional.of(BillingPeriod.of(Integer.parseInt(start.substring(0, 4)),
            Integer.parseInt(start.substring(4, 6))));
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a manifest's JSON.
   *
   * @throws IllegalArgumentException naming the problem when it is not a usable CUR manifest
   */
  public static CurManifest parse(String path, String json, long modificationTime) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("manifest is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("manifest is not a JSON object");
    }
    String parent = parentFolderName(path);
    if (root.has("reportKeys")) {
      BillingPeriod period = legacyPeriod(root);
      return new CurManifest(path, period, requiredText(root, "assemblyId"), texts(root, "reportKeys"),
          optionalText(root, "bucket"), RANGE_FOLDER.matcher(parent).matches(), modificationTime);
    }
    if (root.has("dataFiles")) {
      BillingPeriod period = cur2Period(path, root);
      return new CurManifest(path, period, requiredText(root, "executionId"), texts(root, "dataFiles"),
          optionalText(root, "bucket"), PERIOD_FOLDER.matcher(parent).matches(), modificationTime);
    }
    throw new IllegalArgumentException("manifest has neither reportKeys (legacy CUR) nor dataFiles (CUR 2.0)");
  }

  private static BillingPeriod legacyPeriod(JsonNode root) {
    String start = root.path("billingPeriod").path("start").asText("");
    Matcher legacy = LEGACY_START.matcher(start);
    Matcher iso = ISO_START.matcher(start);
    if (legacy.matches()) {
      return BillingPeriod.of(Integer.parseInt(legacy.group(1)), Integer.parseInt(legacy.group(2)));
    }
    if (iso.matches()) {
      return BillingPeriod.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)));
    }
    throw new IllegalArgumentException("manifest billingPeriod.start '" + start
        + "' is not the first day of a month (yyyyMMddT000000.000Z)");
  }

  private static BillingPeriod cur2Period(String path, JsonNode root) {
    Matcher folder = PERIOD_FOLDER.matcher(path);
    if (!folder.find()) {
      throw new IllegalArgumentException("CUR 2.0 manifest is not inside a metadata/BILLING_PERIOD=YYYY-MM/ folder");
    }
    BillingPeriod period = BillingPeriod.parse(folder.group(1));
    String start = root.path("billingPeriod").path("start").asText("");
    if (!start.isEmpty()) {
      Matcher iso = ISO_START.matcher(start);
      if (!iso.matches() || !BillingPeriod.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)))
          .equals(period)) {
        throw new IllegalArgumentException("manifest billingPeriod.start '" + start + "' disagrees with its folder "
            + "BILLING_PERIOD=" + period);
      }
    }
    return period;
  }

  private static String parentFolderName(String path) {
    String[] segments = path.split("/");
    return segments.length >= 2 ? segments[segments.length - 2] : "";
  }

  private static String requiredText(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IllegalArgumentException("manifest field " + field + " is missing or not a string");
    }
    return node.asText();
  }

  private static Optional<String> optionalText(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static List<String> texts(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (!node.isArray()) {
      throw new IllegalArgumentException("manifest field " + field + " is not a list");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual() || element.asText().isBlank()) {
        throw new IllegalArgumentException("manifest field " + field + " holds a value that is not a file key");
      }
      values.add(element.asText());
    }
    return values;
  }
}
