package org.curlake.jobs.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** demo --serve hands the serve arguments to the launcher through its file, or prints the command outside it. */
class ServeHandoffTest {
  @TempDir Path dir;

  @Test
  void theLauncherGetsTheDemoLakeConfigAndPort() throws Exception {
    Path file = dir.resolve("handoff");
    List<String> args = ServeHandoff.serveArguments("/data/lake", Path.of("config"), 0);
    assertEquals(List.of("--lake", "/data/lake", "--config", Path.of("config").toAbsolutePath().normalize().toString(),
        "--port", "0"), args);
    String line = ServeHandoff.handOff(file.toString(), args);
    assertEquals(args, Files.readAllLines(file));
    assertTrue(line.startsWith("demo serve: starting ./lakehouse serve --lake /data/lake"), line);
  }

  @Test
  void outsideTheLauncherTheCommandIsPrinted() {
    String line = ServeHandoff.handOff(null, ServeHandoff.serveArguments("/data/lake", Path.of("/etc/curlake"), 8080));
    assertEquals("demo serve: not started by ./lakehouse; to browse the demo lake run:"
        + " ./lakehouse serve --lake /data/lake --config /etc/curlake --port 8080", line);
  }
}
