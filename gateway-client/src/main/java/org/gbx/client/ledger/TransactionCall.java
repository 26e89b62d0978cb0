package org.gbx.client.ledger;

import java.util.List;
import java.util.Map;

/**
 * One contract transaction to run: its name, public arguments (never personal data), transient
 * data (private case details), and the organisations that must endorse when private data is
 * involved (empty: let the Gateway choose from the endorsement policy).
 */
record TransactionCall(String name, List<String> arguments, Map<String, byte[]> transientData,
        List<String> endorsingMspIds) {

    TransactionCall {
        arguments = List.copyOf(arguments);
        transientData = Map.copyOf(transientData);
        endorsingMspIds = List.copyOf(endorsingMspIds);
    }

    static TransactionCall of(String name, String... arguments) {
        return new TransactionCall(name, List.of(arguments), Map.of(), List.of());
    }

    TransactionCall withTransient(Map<String, byte[]> data) {
        return new TransactionCall(name, arguments, data, endorsingMspIds);
    }

    /** Names the endorsing organisations; needed where private collections are written or purged. */
    TransactionCall endorsedBy(List<String> mspIds) {
        return new TransactionCall(name, arguments, transientData, mspIds);
    }
}
