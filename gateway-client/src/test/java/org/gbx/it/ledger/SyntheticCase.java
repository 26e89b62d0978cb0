package org.gbx.it.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.HandlingCode;
import org.gbx.client.model.NewRequest;
import org.gbx.client.model.Urgency;
import org.gbx.it.TestNetwork;

/**
 * Invented case details shaped like a real Macau-to-Zhuhai enquiry (no real people), and the
 * personal data in them that must never show up anywhere public.
 */
public final class SyntheticCase {

    static final String MACAU_ID = "5215299(3)";
    static final String MAINLAND_ID = "44040219870512302X";
    static final String CROSS_BORDER_PLATE = "粤Z·B246澳";
    static final String SUBJECT_NAME = "WONG Ka Fai";

    /** Everything in {@link #DETAILS} that identifies a person or a vehicle. */
    public static final List<String> PERSONAL_DATA = List.of(MACAU_ID, "5215299", MAINLAND_ID, CROSS_BORDER_PLATE,
            SUBJECT_NAME, "HUANG Li");

    static final CaseDetails DETAILS = CaseDetails.of("""
            {"subjects":[{"role":"suspect","name":"%s","macauId":"%s"},
                         {"role":"driver","name":"HUANG Li","mainlandId":"%s"}],
             "vehicles":[{"plate":"%s","crossings":[
                 {"port":"Gongbei","direction":"Macau->Zhuhai","at":"2026-10-02T21:14:00+08:00"},
                 {"port":"Hengqin","direction":"Zhuhai->Macau","at":"2026-10-03T06:40:00+08:00"}]}],
             "narrative":"Casino junket loan-sharking; the vehicle is believed to carry cash across both ports.",
             "requestedFields":["crossing records","vehicle registration holder"]}
            """.formatted(SUBJECT_NAME, MACAU_ID, MAINLAND_ID, CROSS_BORDER_PLATE));

    /** Public terms only: what the ledger may show to every organisation. */
    static final NewRequest TERMS_FOR_ZHUHAI = new NewRequest("ZhuhaiPSBMSP",
            "Trace cross-border movements of a vehicle in a loan-sharking investigation",
            "Macau Criminal Procedure Code art. 3; Guangdong-Macau police cooperation arrangement",
            HandlingCode.H1, null, List.of(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS, DataCategory.VEHICLES),
            Urgency.NORMAL, 30);

    private SyntheticCase() {
    }

    /** {@link #DETAILS} sealed for {@code requestId} as gbx sends them (the key kept by no one): the chaincode takes nothing else. */
    static String sealedDetails(String requestId) {
        return new String(TestNetwork.sealedForNoOne(requestId, DETAILS).bytes(), StandardCharsets.UTF_8);
    }

    /** The pieces of personal data found in {@code bytes} (compared byte-wise, so any encoding of text counts). */
    static List<String> personalDataIn(byte[] bytes) {
        String haystack = new String(bytes, StandardCharsets.ISO_8859_1);
        return PERSONAL_DATA.stream()
                .filter(item -> haystack.contains(new String(item.getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.ISO_8859_1)))
                .toList();
    }

    static List<String> personalDataIn(String text) {
        return personalDataIn(text.getBytes(StandardCharsets.UTF_8));
    }
}
