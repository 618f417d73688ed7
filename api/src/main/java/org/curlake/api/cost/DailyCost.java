package org.curlake.api.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The cost of one usage day (USD, rounded to the cent). */
public record DailyCost(LocalDate date, BigDecimal cost) {}
