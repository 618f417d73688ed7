package org.curlake.api.auth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One logfmt line per cost view: when, who, which tenant, which route, the status. Appended to a
 * file (flushed per line) so an auditor can read who looked at which tenant's costs.
 */
public final class AuditLog implements AutoCloseable {
  private final BufferedWriter writer;

  public AuditLog(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void record(String user, String tenant, String route, String query, int status) {
    try {
      writer.write("ts=" + Instant.now() + " event=cost_view user=" + user + " tenant=" + (tenant == null ? "*" : tenant)
          + " route=\"" + route + "\" query=\"" + query.replace("\"", "%22") + "\" status=" + status);
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit log: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
