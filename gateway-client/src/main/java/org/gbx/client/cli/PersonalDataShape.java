package org.gbx.client.cli;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of identifier the ledger's personal-data guard recognises in free text, by the words
 * its refusal uses (docs/ledger.md, Explanations, {@code {shape}}), so the refusal can say which
 * kind in the officer's language.
 */
enum PersonalDataShape {
    GUANGDONG_PLATE("a Guangdong vehicle plate"),
    MACAU_PLATE("a Macau vehicle plate"),
    HONG_KONG_ID("a Hong Kong identity card number"),
    MAINLAND_ID("a mainland resident identity number"),
    MACAU_PHONE("a Macau phone number"),
    MAINLAND_PHONE("a mainland phone number"),
    TRAVEL_DOCUMENT("a passport or travel permit number"),
    MACAU_ID("a Macau resident identity card number"),
    LONG_NUMBER("a long number (identity, passport or phone)");

    private final String description;

    PersonalDataShape(String description) {
        this.description = description;
    }

    static Optional<PersonalDataShape> describedAs(String words) {
        return Arrays.stream(values()).filter(shape -> shape.description.equals(words)).findFirst();
    }
}
