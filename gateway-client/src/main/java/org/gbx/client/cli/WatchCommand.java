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
        if (fromBlock != null && fromBlock < 0) {
            throw new InvalidInputException("input.negativeBlock", fromBlock);
        }
        Path file = checkpoint != null ? checkpoint : defaultCheckpoint(session);
        InputFiles.readWriteFile(file);
        OptionalLong start = fromBlock == null ? OptionalLong.empty() : OptionalLong.of(fromBlock);
        EventView view = new EventView(session);
        try (EventFollower follower = EventFollower.open(session.connection(), file, start)) {
            Thread stopOnShutdown = new Thread(follower::stop, "gbx-watch-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnShutdown);
            follower.follow(event -> print(session.output(), view, event));
            removeHook(stopOnShutdown);
        } catch (IOException e) {
            throw new InvalidInputException("input.unusableCheckpoint", file);
        }
    }

    private static void print(Output output, EventView view, LedgerEvent event) {
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("blockNumber", event.blockNumber());
            json.put("transactionId", event.transactionId());
            json.put("event", event.name());
            json.put("payload", payload(event));
            output.jsonLine(json);
            return;
        }
        output.line(view.line(event));
    }

    /** The payload as JSON, or as the text it is if a newer chaincode sent something else. */
    private static Object payload(LedgerEvent event) {
        try {
            return JSON.readTree(event.payload());
        } catch (IOException e) {
            return event.payload();
        }
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
