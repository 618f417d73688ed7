package org.curlake.api.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns exact cost sums grouped by a key into the API's lists, so every store ranks, orders and
 * rounds the same way: stores only sum, this class shapes.
 */
public final class CostAggregates {
  private CostAggregates() {}

  public static List<DailyCost> daily(Map<LocalDate, BigDecimal> exactByDate) {
    return new TreeMap<>(exactByDate).entrySet().stream().map(e -> new DailyCost(e.getKey(), Money.usd(e.getValue()))).toList();
  }

  /** Most expensive first, ties by id; names looked up by id (the id itself when unknown). */
  public static List<RankedCost> ranked(Map<String, BigDecimal> exactById, Map<String, String> names, int limit) {
    List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(exactById.entrySet());
    sorted.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<RankedCost> ranked = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, sorted.size()); i++) {
      String id = sorted.get(i).getKey();
      ranked.add(new RankedCost(i + 1, id, names.getOrDefault(id, id), Money.usd(sorted.get(i).getValue())));
    }
    return ranked;
  }

  /** Billing periods ascending, each against the previous calendar month when it has cost. */
  public static List<MonthlyCost> monthly(Map<String, BigDecimal> exactByPeriod) {
    TreeMap<String, BigDecimal> periods = new TreeMap<>(exactByPeriod);
    List<MonthlyCost> months = new ArrayList<>();
    periods.forEach((period, cost) -> {
      BigDecimal previous = periods.get(YearMonth.parse(period).minusMonths(1).toString());
      months.add(new MonthlyCost(period, Money.usd(cost), previous == null ? null : Money.usd(previous),
          previous == null ? null : Money.usd(cost.subtract(previous)), Money.changePct(cost, previous)));
    });
    return months;
  }

  /** Most expensive tag value first, ties by value. */
  public static List<TagCost> byTag(String tagKey, Map<String, BigDecimal> exactByValue) {
    return exactByValue.entrySet().stream()
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new TagCost(tagKey, e.getKey(), Money.usd(e.getValue())))
        .toList();
  }
}
