package org.curlake.api.insights;

import java.time.LocalDate;
import java.util.Optional;
import org.curlake.api.web.BadRequest;

/** Which anomaly rows to list: usage dates, one service, and whether non-anomalous days are included. */
public record AnomalyQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> service, boolean includeAll) {
  public AnomalyQuery {
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new BadRequest("from", "must not be after 'to' (" + from.get() + " > " + to.get() + ")");
    }
  }

  public boolean includes(LocalDate date, String productCode) {
    return (from.isEmpty() || !date.isBefore(from.get())) && (to.isEmpty() || !date.isAfter(to.get()))
        && (service.isEmpty() || service.get().equals(productCode));
  }
}
