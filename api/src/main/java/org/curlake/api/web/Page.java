package org.curlake.api.web;

import java.util.List;

/** One page of a list: the items, the 1-based page number, the page size and the total count. */
public record Page<T>(List<T> items, int page, int size, int total) {

  public static <T> Page<T> of(List<T> all, int page, int size) {
    int from = (int) Math.min(all.size(), (long) (page - 1) * size);
    int to = (int) Math.min(all.size(), (long) from + size);
    return new Page<>(all.subList(from, to), page, size, all.size());
  }
}
