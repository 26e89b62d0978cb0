package org.gbx.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gbx.client.cli.Gbx;

/** Runs the gbx command line in this JVM, as one of the network's users, and captures what it prints. */
public final class GbxCli {

    private static final int NOT_FOUND = org.gbx.client.cli.ExitCode.NOT_FOUND.code();

    /** The personal data in {@link #caseDetailsFile}, which must never be found where the ledger keeps anything. */
    public static final List<String> PERSONAL_DATA = List.of("1234567(8)", "440402199001011234", "CHAN Tai Man",
            "LI Ming", "MK-12-34");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one gbx invocation printed and returned. */
    public record Result(int exitCode, String out, String err) {

        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("gbx printed no JSON: " + out + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private GbxCli() {
    }

    /**
     * {@code gbx ARGS --org ORG --user USER} (in English unless ARGS say otherwise), on the network
     * of {@code GBX_CONFIG}, with the test's shared exchange nodes ({@link ForceNodes}).
     */
    public static Result as(TestNetwork.User user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--org", user.org(), "--user", user.name()));
        if (!all.contains("--lang")) {
            all.addAll(List.of("--lang", "en"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Gbx.run(all.toArray(String[]::new),
                Map.of("GBX_CONFIG", ForceNodes.shared().config().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Like {@link #as}, but asks again while the answer is "not found": a block that committed on
     * the submitter's peer reaches the other organisations' peers a moment later (at most
     * {@link Await#PATIENCE}).
     */
    static Result asSoonAsVisible(TestNetwork.User user, String... args) {
        return Await.until("gbx " + String.join(" ", args) + " as " + user + " to find what it names",
                () -> Optional.of(as(user, args)).filter(result -> result.exitCode() != NOT_FOUND));
    }

    /**
     * Writes synthetic case details (never real people): a Macau resident ID card number, a
     * mainland resident ID, a vehicle plate and a Hengqin port crossing, as an officer would.
     */
    public static Path caseDetailsFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("case-details.json"), """
                {"subjects":[{"role":"suspect","macauId":"1234567(8)","name":"CHAN Tai Man"},
                             {"role":"associate","mainlandId":"440402199001011234","name":"LI Ming"}],
                 "vehicles":[{"plate":"MK-12-34","crossedAt":"Hengqin port","date":"2026-10-14"}],
                 "narrative":"Suspected travel-permit fraud; crossings at Gongbei and Hengqin to be confirmed.",
                 "requestedFields":["crossing times","permit numbers"]}
                """);
    }
}
