package org.curlake.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The JSON bytes of route results, kept while the store keeps serving the same result object: the
 * Kernel store answers repeated queries with the one object it cached for the tables' versions, so
 * an unchanged summary (or page of a list) is serialised once, not on every request. A new Delta
 * commit makes the store compute a new object, which is rendered afresh. Results are immutable
 * records and lists; the map is bounded and cleared when full.
 */
final class RenderedJson {
  private static final int MAX_ENTRIES = 2_048;
  private final ObjectMapper mapper;
  private final ConcurrentHashMap<Key, byte[]> rendered = new ConcurrentHashMap<>();

  RenderedJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The JSON of {@code body}, reused while {@code result} (compared by identity) is served again for the same page. */
  byte[] of(Object result, int page, int size, Supplier<Object> body) {
    Key key = new Key(result, page, size);
    byte[] json = rendered.get(key);
    if (json != null) {
      return json;
    }
    try {
      json = mapper.writeValueAsBytes(body.get());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the result as JSON: " + e.getOriginalMessage(), e);
    }
    if (rendered.size() >= MAX_ENTRIES) {
      rendered.clear();
    }
    rendered.put(key, json);
    return json;
  }

  /** A result object by identity (never equals: two equal results computed apart are two entries), with the page asked. */
  private static final class Key {
    private final Object result;
    private final int page;
    private final int size;
    private final int hash;

    Key(Object result, int page, int size) {
      this.result = result;
      this.page = page;
      this.size = size;
      this.hash = (System.identityHashCode(result) * 31 + page) * 31 + size;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.result == result && k.page == page && k.size == size;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
