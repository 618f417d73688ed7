package org.curlake.jobs.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Test-side S3 client (AWS SDK for Java v2) talking to {@link S3ProxyServer}: endpoint override,
 * path-style addressing and the server's static test credentials. Test code only; the jobs themselves
 * reach S3 through hadoop s3a and the AWS default credentials chain.
 */
public final class S3Buckets implements AutoCloseable {
  private final S3Client client;

  public S3Buckets(URI endpoint) {
    this.client = S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.builder().build())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL)))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  public void create(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
  }

  public void put(String bucket, String key, Path file) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
  }

  public void put(String bucket, String key, String text) {
    client.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"),
        RequestBody.fromString(text, StandardCharsets.UTF_8));
  }

  /** Uploads the Parquet files Spark wrote into {@code dir} as {@code <keyPrefix><name>-0000N.snappy.parquet}. */
  public List<String> putParquetParts(String bucket, Path dir, String keyPrefix, String name) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> parts = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
      List<String> keys = new java.util.ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        String key = keyPrefix + name + "-0000" + (i + 1) + ".snappy.parquet";
        put(bucket, key, parts.get(i));
        keys.add(key);
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> keys(String bucket, String prefix) {
    return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(o -> o.key()).toList();
  }

  @Override
  public void close() {
    client.close();
  }
}
