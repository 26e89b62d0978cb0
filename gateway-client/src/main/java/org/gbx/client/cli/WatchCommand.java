package org.gbx.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.gbx.client.ledger.EventFollower;
import org.gbx.client.ledger.LedgerEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gbx watch}: prints the contract's events as they commit. The position is kept in a
 * checkpoint file, so a watch stopped or killed and started again resumes after the last event
 * it printed: each event is shown once.
 */
@Command(name = "watch")
final class WatchCommand extends LedgerCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--checkpoint", paramLabel = "FILE", descriptionKey = "option.checkpoint")
    Path checkpoint;

    @Option(names = "--from-block", paramLabel = "N", descriptionKey = "option.fromBlock")
    Long fromBlock;

    @Override
    void execute(CliSession session) {
        Path file = checkpoint != null ? checkpoint : defaultCheckpoint(session);
        OptionalLong start = fromBlock == null ? OptionalLong.empty() : OptionalLong.of(fromBlock);
        try (EventFollower follower = EventFollower.open(session.connection(), file, start)) {
            Thread stopOnShutdown = new Thread(follower::stop, "gbx-watch-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnShutdown);
            follower.follow(event -> print(session, event));
            removeHook(stopOnShutdown);
        } catch (IOException e) {
            throw new InvalidInputException("input.unusableCheckpoint", file);
        }
    }

    private static void print(CliSession session, LedgerEvent event) throws IOException {
        JsonNode payload = JSON.readTree(event.payload());
        Output output = session.output();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("blockNumber", event.blockNumber());
            json.put("transactionId", event.transactionId());
            json.put("event", event.name());
            json.put("payload", payload);
            output.jsonLine(json);
            return;
        }
        OrganisationNames organisations = session.organisations();
        String subject = payload.hasNonNull("requestId") ? payload.get("requestId").asText()
                : payload.hasNonNull("pingId") ? payload.get("pingId").asText()
                : organisations.displayName(payload.path("org").asText(null));
        String detail = payload.hasNonNull("status")
                ? session.messages().get("status." + payload.get("status").asText()) + "  "
                        + organisations.displayName(payload.path("requesterOrg").asText(null)) + " → "
                        + organisations.displayName(payload.path("targetOrg").asText(null))
                : organisations.displayName(payload.path("mspId").asText(null));
        output.line(String.join("  ", session.time().format(payload.path("at").asText("")),
                "#" + event.blockNumber(), event.name(), subject, detail).stripTrailing());
    }

    private static Path defaultCheckpoint(CliSession session) {
        Path dir = Path.of(System.getProperty("user.home"), ".gbx");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("input.unusableCheckpoint", dir);
        }
        return dir.resolve("watch-" + session.orgKey() + "-" + session.user() + ".checkpoint");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already: nothing to undo
        }
    }
}
