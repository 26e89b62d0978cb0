package org.gbx.chaincode.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.function.BiFunction;
import org.gbx.chaincode.ErrorCode;
import org.gbx.chaincode.ExchangeContract;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;

/** Runs a transaction that must be refused, and checks it wrote nothing. */
public final class Refusals {
    private Refusals() {
    }

    /** Asserts the transaction is refused with a well-formed message and leaves state and events as they were. */
    public static ErrorCode refusalOf(TestChannel channel, Officer who, Map<String, byte[]> transientData,
            BiFunction<ExchangeContract, Context, String> transaction) {
        return ErrorCode.of(refusal(channel, who, transientData, transaction));
    }

    /** As {@link #refusalOf}, answering the refusal itself, for its explanation. */
    public static ChaincodeException refusal(TestChannel channel, Officer who, Map<String, byte[]> transientData,
            BiFunction<ExchangeContract, Context, String> transaction) {
        Map<String, byte[]> before = Map.copyOf(channel.ledger().publicState());
        int eventsBefore = channel.ledger().events().size();
        ChaincodeException refusal =
                catchThrowableOfType(ChaincodeException.class, () -> channel.submit(who, transientData, transaction));
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.getMessage()).startsWith(ErrorCode.of(refusal).name() + ": ");
        assertThat(DocumentedExplanations.documents(refusal.getMessage()))
                .as("docs/ledger.md (Explanations) lists the form of: " + refusal.getMessage()).isTrue();
        assertThat(channel.ledger().publicState()).containsExactlyInAnyOrderEntriesOf(before);
        assertThat(channel.ledger().events()).hasSize(eventsBefore);
        return refusal;
    }
}
