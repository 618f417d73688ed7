package org.curlake.api.quality;

import java.time.Instant;

/** The tenant's freshness against its SLA, from the latest check run. */
public record SlaState(Instant referenceTime, String latestPeriod, Instant latestUsageStart, Double lagHours,
    long slaHours, String status) {}
