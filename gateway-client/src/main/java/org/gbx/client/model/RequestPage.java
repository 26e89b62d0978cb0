package org.gbx.client.model;

import java.util.List;

/** One page of requests; pass the bookmark back for the next page (empty: no more). */
public record RequestPage(List<ExchangeRequest> records, String bookmark) {

    public boolean hasMore() {
        return bookmark != null && !bookmark.isEmpty();
    }
}
