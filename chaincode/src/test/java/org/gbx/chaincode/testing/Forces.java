package org.gbx.chaincode.testing;

/** Organisations of the test channel: the pilot's two forces, the committee, and a third force. */
public final class Forces {
    public static final String MACAU = "MacauPJMSP";
    public static final String ZHUHAI = "ZhuhaiPSBMSP";
    public static final String OVERSIGHT = "OversightMSP";
    /** A force that joins later; party to none of the test requests. */
    public static final String HONG_KONG = "HongKongPoliceMSP";
    /** Every organisation of the test channel; others have no implicit collection. */
    public static final java.util.Set<String> CHANNEL = java.util.Set.of(MACAU, ZHUHAI, OVERSIGHT, HONG_KONG);

    private Forces() {
    }
}
