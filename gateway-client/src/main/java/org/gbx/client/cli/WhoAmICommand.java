package org.gbx.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gbx.client.ledger.Caller;
import org.gbx.client.model.Role;
import picocli.CommandLine.Command;

/** {@code gbx whoami}: the identity the chaincode sees, to check enrolment and role before acting. */
@Command(name = "whoami")
final class WhoAmICommand extends LedgerCommand {

    @Override
    void execute(CliSession session) {
        Caller caller = session.ledger().whoAmI();
        Output output = session.output();
        if (output.isJson()) {
            output.json(caller);
            return;
        }
        Messages messages = session.messages();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(messages.get("field.organisation"), session.organisations().displayName(caller.mspId()));
        fields.put(messages.get("field.mspId"), caller.mspId());
        fields.put(messages.get("field.user"), session.user());
        fields.put(messages.get("field.role"), Role.ofAttribute(caller.role()).map(messages.vocabulary()::of)
                .orElse(caller.role() == null ? messages.get("value.noRole") : caller.role()));
        fields.put(messages.get("field.officer"), caller.officer());
        output.fields(fields);
    }
}
