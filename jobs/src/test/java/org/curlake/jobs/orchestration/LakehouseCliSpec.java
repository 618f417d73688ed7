package org.curlake.jobs.orchestration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.curlake.config.TenantConfig;
import org.curlake.config.TenantConfigLoader;
import org.curlake.jobs.cli.LakehouseCli;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the Airflow DAGs may call, as JSON for the Python integrity test: the jobs' version (the
 * shaded jar's name), the main class, the active tenants (as the jobs' own config loader reads
 * them) and every LakehouseCli subcommand with its option names, whether each takes a value and
 * whether it is required — straight from picocli's model, so a renamed option breaks the test.
 */
final class LakehouseCliSpec {
  private LakehouseCliSpec() {}

  static ObjectNode of(Path projectRoot, Path configDir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode spec = json.createObjectNode();
    spec.put("version", projectVersion(projectRoot.resolve("pom.xml")));
    spec.put("main_class", LakehouseCli.class.getName());
    List<TenantConfig> active = new TenantConfigLoader(configDir).load().active();
    active.forEach(tenant -> spec.withArray("active_tenants").add(tenant.id()));
    ObjectNode commands = spec.putObject("commands");
    new CommandLine(new LakehouseCli()).getSubcommands().forEach((name, command) -> {
      ObjectNode options = commands.putObject(name).putObject("options");
      for (OptionSpec option : command.getCommandSpec().options()) {
        for (String optionName : option.names()) {
          options.putObject(optionName)
              .put("takes_value", option.arity().max() > 0)
              .put("required", option.required());
        }
      }
    });
    return spec;
  }

  static void write(ObjectNode spec, Path file) throws IOException {
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), spec);
  }

  /** The parent POM's own version (what the shaded jar's file name carries). */
  private static String projectVersion(Path pom) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var root = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    var children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if ("version".equals(children.item(i).getNodeName())) {
        return children.item(i).getTextContent().trim();
      }
    }
    throw new IllegalStateException(pom + ": no <version>");
  }
}
