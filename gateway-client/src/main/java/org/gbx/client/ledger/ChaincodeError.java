package org.gbx.client.ledger;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule the chaincode refused the transaction by: its error code (the name the chaincode puts
 * in front of its message and in the ChaincodeException payload) and its message.
 */
public record ChaincodeError(String code, String message) {

    /** The Gateway only passes the chaincode's message on, wrapped as "chaincode response NNN, ...". */
    private static final Pattern CHAINCODE_RESPONSE = Pattern.compile("chaincode response \\d+, (.*)", Pattern.DOTALL);
    private static final Pattern CODED_MESSAGE = Pattern.compile("([A-Z][A-Z0-9_]{2,}): ?(.*)", Pattern.DOTALL);

    public static final String UNCODED = "UNCODED";

    /** The chaincode error inside a peer's message, if the peer ran the chaincode and it refused. */
    public static Optional<ChaincodeError> fromPeerMessage(String peerMessage) {
        if (peerMessage == null) {
            return Optional.empty();
        }
        Matcher response = CHAINCODE_RESPONSE.matcher(peerMessage);
        if (!response.find()) {
            return Optional.empty();
        }
        String body = response.group(1).trim();
        Matcher coded = CODED_MESSAGE.matcher(body);
        return Optional.of(coded.matches()
                ? new ChaincodeError(coded.group(1), coded.group(2).trim())
                : new ChaincodeError(UNCODED, body));
    }
}
