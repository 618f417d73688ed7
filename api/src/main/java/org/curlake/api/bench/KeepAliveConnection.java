package org.curlake.api.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection sending the same GET again and again on a blocking socket, as
 * wrk does: one write and the reads of one response per request, no selector or executor threads,
 * so the load generator takes little of the CPU it shares with the server it measures. Reads
 * Content-Length and chunked bodies; a response asking to close is an error.
 */
final class KeepAliveConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] request;
  private final byte[] line = new byte[8192];

  KeepAliveConnection(URI url, String token) throws IOException {
    if (!"http".equals(url.getScheme())) {
      throw new IllegalArgumentException("the load generator speaks plain http only: " + url);
    }
    String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    request = ("GET " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
        + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  /** Sends the GET and reads the whole response; returns its status code. */
  int get() throws IOException {
    out.write(request);
    out.flush();
    String status = readLine();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      String name = colon < 0 ? header : header.substring(0, colon).trim();
      String value = colon < 0 ? "" : header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        throw new IOException("the server closed the keep-alive connection (status " + code + ")");
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16); size > 0;
          size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
        skip(size);
        readLine();
      }
      while (!readLine().isEmpty()) {
        // trailer lines
      }
    } else if (length >= 0) {
      skip(length);
    } else {
      throw new IOException("a response without Content-Length or chunked encoding (status " + code + ")");
    }
    return code;
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("the connection closed inside a response body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private String readLine() throws IOException {
    int length = 0;
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the connection closed inside a response head");
      }
      if (length == line.length) {
        throw new IOException("a response head line longer than " + line.length + " bytes");
      }
      line[length++] = (byte) b;
    }
    return new String(line, 0, length > 0 && line[length - 1] == '\r' ? length - 1 : length, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
