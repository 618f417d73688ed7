package org.curlake.api.cost;

import java.time.LocalDate;
import java.util.Optional;
import org.curlake.api.web.BadRequest;

/**
 * Which costs a query covers: usage dates {@code from}..{@code to} (inclusive), account, business
 * unit (OU), service (product code), region, one tag, and the cost type summed. A tag filter reads
 * the cost-by-tag table, which has no region, so tag and region cannot be combined.
 */
public record CostFilter(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> account,
    Optional<String> businessUnit, Optional<String> service, Optional<String> region, Optional<TagFilter> tag,
    CostType costType) {

  public CostFilter {
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new BadRequest("from", "must not be after 'to' (" + from.get() + " > " + to.get() + ")");
    }
    if (tag.isPresent() && region.isPresent()) {
      throw new BadRequest("region", "cannot be combined with a tag filter (cost by tag has no region)");
    }
  }

  public static CostFilter all(CostType costType) {
    return new CostFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), costType);
  }

  public CostFilter between(LocalDate first, LocalDate last) {
    return new CostFilter(Optional.of(first), Optional.of(last), account, businessUnit, service, region, tag, costType);
  }

  public boolean includes(LocalDate date) {
    return (from.isEmpty() || !date.isBefore(from.get())) && (to.isEmpty() || !date.isAfter(to.get()));
  }
}
