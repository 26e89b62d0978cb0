package org.gbx.chaincode.model;

import java.time.LocalDate;

/** An officer's lookups on one day against the daily cap. */
public record LookupQuota(String officer, LocalDate day, int used, int cap) {
}
