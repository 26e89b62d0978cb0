package org.gbx.client.transfer;

import org.gbx.client.delivery.DeliveryPackage;

/** Decides whether a connecting force may fetch a request's package, and finds it. */
public interface PackageSource {

    /**
     * @param clientMspId the organisation whose TLS CA issued the caller's certificate
     * @throws TransferRefusedException when the caller is not the request's requester, or there is
     *     no delivered package for it
     */
    DeliveryPackage packageFor(String requestId, String clientMspId);
}
