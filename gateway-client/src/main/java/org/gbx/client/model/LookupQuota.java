package org.gbx.client.model;

import java.time.LocalDate;

/** The calling officer's lookups on one day (UTC+8) against the daily cap. */
public record LookupQuota(String officer, LocalDate day, int used, int cap) {

    public int left() {
        return Math.max(0, cap - used);
    }
}
