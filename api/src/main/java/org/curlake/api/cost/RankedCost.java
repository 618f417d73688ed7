package org.curlake.api.cost;

import java.math.BigDecimal;

/** One entry of a top-N list: rank (1 = most expensive), id (product code or account id), readable name, cost. */
public record RankedCost(int rank, String id, String name, BigDecimal cost) {}
