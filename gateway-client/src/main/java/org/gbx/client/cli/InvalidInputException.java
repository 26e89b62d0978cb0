package org.gbx.client.cli;

/** Input the officer must correct before anything is sent to the ledger (exit code 2). */
final class InvalidInputException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    InvalidInputException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
