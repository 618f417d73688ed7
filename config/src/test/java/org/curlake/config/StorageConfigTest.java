package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/storage.yaml: s3a connection settings, defaults, refused values, and no secrets ever. */
class StorageConfigTest {
  @TempDir Path tmp;

  private StorageConfig load(String yaml) throws IOException {
    Files.writeString(tmp.resolve(StorageConfig.FILE), yaml);
    return StorageConfig.load(tmp);
  }

  private String error(String yaml) {
    return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
  }

  @Test
  void absentFileMeansAwsDefaults() {
    assertEquals(StorageConfig.DEFAULTS, StorageConfig.load(tmp));
    assertEquals(Map.of("fs.s3a.aws.credentials.provider", "com.amazonaws.auth.DefaultAWSCredentialsProviderChain",
        "fs.s3a.path.style.access", "false"), StorageConfig.DEFAULTS.hadoopSettings());
  }

  @Test
  void shippedFileIsAwsDefaults() {
    Path shipped = Path.of(System.getProperty("user.dir")).resolve("..").resolve("config").normalize();
    assertEquals(StorageConfig.DEFAULTS, StorageConfig.load(shipped));
  }

  @Test
  void endpointOverridePathStyleAndRegionBecomeS3aSettings() throws IOException {
    StorageConfig storage = load("""
        s3:
          endpoint: http://127.0.0.1:9000/
          path_style_access: true
          region: eu-west-1
        """);
    assertEquals(new StorageConfig(Optional.of(URI.create("http://127.0.0.1:9000/")), true,
        Optional.of("eu-west-1")), storage);
    assertEquals(Map.of(
        "fs.s3a.aws.credentials.provider", "com.amazonaws.auth.DefaultAWSCredentialsProviderChain",
        "fs.s3a.path.style.access", "true",
        "fs.s3a.endpoint", "http://127.0.0.1:9000",
        "fs.s3a.connection.ssl.enabled", "false",
        "fs.s3a.endpoint.region", "eu-west-1"), storage.hadoopSettings());
    assertEquals("true", load("s3: { endpoint: 'https://s3.example.internal' }\n").hadoopSettings()
        .get("fs.s3a.connection.ssl.enabled"));
  }

  @Test
  void refusesCredentialsUnknownKeysAndBadValues() {
    assertEquals("config/storage.yaml: field 's3.endpoint': must not carry credentials: they come from the AWS "
        + "default credentials chain", error("s3: { endpoint: 'http://AKIA:secret@127.0.0.1:9000' }\n"));
    assertEquals("config/storage.yaml: field 's3.access_key': unknown key; allowed keys are "
        + "[endpoint, path_style_access, region]", error("s3: { access_key: AKIA }\n"));
    assertEquals("config/storage.yaml: field 's3.endpoint': 'ftp://host' is not an http(s)://host[:port] URL",
        error("s3: { endpoint: 'ftp://host' }\n"));
    assertEquals("config/storage.yaml: field 's3.endpoint': 'http://host:9000/bucket' must be only scheme, "
        + "host and port", error("s3: { endpoint: 'http://host:9000/bucket' }\n"));
    assertEquals("config/storage.yaml: field 's3.region': 'Europe' is not an AWS region name such as us-east-1",
        error("s3: { region: Europe }\n"));
    assertEquals("config/storage.yaml: field 's3.path_style_access': expected true or false (got 'maybe')",
        error("s3: { path_style_access: maybe }\n"));
    assertEquals("config/storage.yaml: field 'secrets': unknown key; allowed keys are [s3]",
        error("secrets: {}\n"));
  }
}
