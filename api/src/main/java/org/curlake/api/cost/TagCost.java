package org.curlake.api.cost;

import java.math.BigDecimal;

/** The cost allocated to one value of a tag key ({@code untagged} collects what carries no value). */
public record TagCost(String tagKey, String tagValue, BigDecimal cost) {}
