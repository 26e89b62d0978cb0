package org.gbx.chaincode.model;

import java.util.List;

/** One page of requests; pass the bookmark back for the next page (empty: no more). */
public record Page(List<ExchangeRequest> records, String bookmark) {
}
