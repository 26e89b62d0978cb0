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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gbx.client.cli.Gbx;

/** Runs the gbx command line in this JVM, as one of the network's users, and captures what it prints. */
public final class GbxCli {

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

    /** {@code gbx ARGS --org ORG --user USER} (in English unless ARGS say otherwise), on the network of {@code GBX_CONFIG}. */
    public static Result as(TestNetwork.User user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--org", user.org(), "--user", user.name()));
        if (!all.contains("--lang")) {
            all.addAll(List.of("--lang", "en"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Gbx.run(all.toArray(String[]::new),
                Map.of("GBX_CONFIG", TestNetwork.configPath().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
