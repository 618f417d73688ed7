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

/** config/cloudwatch.yaml: the enrichment is off unless a tenant is listed; bad values are refused. */
class CloudWatchConfigTest {
  @TempDir Path tmp;

  private CloudWatchConfig load(String yaml) throws IOException {
    Files.writeString(tmp.resolve(CloudWatchConfig.FILE), yaml);
    return CloudWatchConfig.load(tmp);
  }

  private String error(String yaml) {
    return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
  }

  @Test
  void offByDefault() {
    assertEquals(CloudWatchConfig.DISABLED, CloudWatchConfig.load(tmp));
    Path shipped = Path.of(System.getProperty("user.dir")).resolve("..").resolve("config").normalize();
    assertEquals(CloudWatchConfig.DISABLED, CloudWatchConfig.load(shipped));
  }

  @Test
  void listedTenantsWithRegionAndOptionalEndpoint() throws IOException {
    CloudWatchConfig config = load("tenants:\n  acme: { region: eu-west-1, endpoint: 'http://127.0.0.1:4566' }\n"
        + "  globex: { region: us-east-1 }\n");
    assertEquals(Map.of("acme", new CloudWatchConfig.Target("eu-west-1", Optional.of(URI.create("http://127.0.0.1:4566"))),
        "globex", new CloudWatchConfig.Target("us-east-1", Optional.empty())), config.tenants());
    assertEquals(Optional.empty(), config.target("initech"));
  }

  @Test
  void refusesBadValues() {
    assertEquals("config/cloudwatch.yaml: field 'tenants.acme.region': 'mars' is not an AWS region name such as "
        + "us-east-1", error("tenants: { acme: { region: mars } }\n"));
    assertEquals("config/cloudwatch.yaml: field 'tenants.acme.endpoint': must not carry credentials: they come from "
        + "the AWS default credentials chain", error("tenants: { acme: { region: us-east-1, endpoint: 'http://k:s@h' } }\n"));
    assertEquals("config/cloudwatch.yaml: field 'tenants.acme.secret_key': unknown key; allowed keys are "
        + "[region, endpoint]", error("tenants: { acme: { region: us-east-1, secret_key: x } }\n"));
    assertEquals("config/cloudwatch.yaml: field 'tenants.Bad-Id': 'Bad-Id' is not a safe tenant id: use 2-40 "
        + "lowercase letters, digits or '_', starting with a letter", error("tenants: { Bad-Id: { region: us-east-1 } }\n"));
  }
}
