package org.curlake.jobs.utilization;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One instance's CloudWatch metrics for one UTC day.
 *
 * @param cpuAveragePct the day's average CPUUtilization, if CloudWatch has a datapoint
 * @param networkBytes the day's NetworkIn + NetworkOut, if CloudWatch has both datapoints
 */
public record DailyUtilization(String instanceId, LocalDate day, OptionalDouble cpuAveragePct,
    OptionalDouble networkBytes) {}
