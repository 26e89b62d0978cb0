package org.gbx.client.model;

import java.util.List;

/** What the target force records when it sends a package ({@code deliveryJson}). */
public record DeliveryManifest(String packageHash, String merkleRoot, long recordCount, long sizeBytes,
        String sourceReliability, int informationAccuracy, List<DataCategory> categories) {
}
