package org.gbx.it.ledger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;
import org.gbx.it.TestNetwork;

/**
 * Drives the test suite's independent Fabric client ({@code src/test/attack-client}, Go): what an
 * officer with an enrolled identity can do without gbx. It signs proposals with a timestamp of the
 * test's choosing, sends them to the peers the test names, assembles the transaction from exactly
 * those endorsements, broadcasts it and reports the validation code each named peer committed it
 * with. Built once per test JVM into {@code target/}.
 *
 * <pre>{@code
 * Report report = AttackClient.as(MACAU_LIAISON)
 *         .call(Call.of("Ping", id).endorsedBy("macau", "oversight").submitted().waitingOn("zhuhai"))
 *         .run();
 * assertThat(report.only().validationCodeOn("zhuhai")).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
 * }</pre>
 */
final class AttackClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = Path.of("src/test/attack-client");
    private static final Path BINARY = Path.of("target/attack-client");
    private static boolean built;

    private final TestNetwork.User user;
    private final List<Call> calls = new ArrayList<>();

    private AttackClient(TestNetwork.User user) {
        this.user = user;
    }

    static AttackClient as(TestNetwork.User user) {
        return new AttackClient(user);
    }

    AttackClient call(Call call) {
        calls.add(call);
        return this;
    }

    /** One proposal; build it with the methods below. Peers are named by organisation key. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    static final class Call {
        public String function;
        public List<String> args = new ArrayList<>();
        public List<String> input;
        public boolean rawInput;
        public Map<String, String> transient_ = new LinkedHashMap<>();
        public String timestamp;
        public double timestampOffsetSeconds;
        public List<String> endorsers = new ArrayList<>();
        public boolean submit;
        public List<String> waitOn = new ArrayList<>();

        static Call of(String function, String... args) {
            Call call = new Call();
            call.function = function;
            call.args = List.of(args);
            return call;
        }

        /** The chaincode input as given, first element the function; a null element is an empty argument. */
        static Call raw(String... input) {
            Call call = new Call();
            call.rawInput = true;
            call.input = Arrays.asList(input);
            return call;
        }

        Call withTransient(String key, String value) {
            transient_.put(key, value);
            return this;
        }

        Call endorsedBy(String... peers) {
            endorsers = List.of(peers);
            return this;
        }

        /** The proposal says it was made {@code offset} from now (negative: backdated). */
        Call timestampedAt(Duration offset) {
            timestampOffsetSeconds = offset.toMillis() / 1000.0;
            return this;
        }

        Call timestampedAt(Instant at) {
            timestamp = at.toString();
            return this;
        }

        Call submitted() {
            submit = true;
            return this;
        }

        Call waitingOn(String... peers) {
            waitOn = List.of(peers);
            return this;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Endorsement(String peer, int status, String message, String payload, String error) {
        /** The chaincode's error code, when the peer ran the chaincode and it refused. */
        Optional<String> code() {
            return status == 500 && message != null && message.matches("[A-Z_]+: .*")
                    ? Optional.of(message.substring(0, message.indexOf(':'))) : Optional.empty();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Commit(String validationCode, long block, double seconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Outcome(String txId, String timestamp, List<Endorsement> endorsements, boolean submitted,
            String notSubmitted, String broadcastStatus, Map<String, Commit> commits, List<String> missing) {

        String validationCodeOn(String peer) {
            Commit commit = commits == null ? null : commits.get(peer);
            if (commit == null) {
                throw new AssertionError("peer " + peer + " reported no commit of " + txId + ": " + this);
            }
            return commit.validationCode();
        }

        Endorsement endorsementBy(String peer) {
            return endorsements.stream().filter(e -> e.peer().equals(peer)).findFirst()
                    .orElseThrow(() -> new AssertionError("no endorsement asked of " + peer + ": " + this));
        }

        /** Every named peer's refusal code (empty for a peer that endorsed). */
        List<String> refusalCodes() {
            return endorsements.stream().map(e -> e.code().orElse(e.status() == 200 ? "" : "NOT_CODED: "
                    + e.message() + e.error())).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(List<Outcome> outcomes) {
        Outcome only() {
            if (outcomes.size() != 1) {
                throw new AssertionError("expected one outcome: " + outcomes);
            }
            return outcomes.get(0);
        }
    }

    /** Runs every call: all endorsed first, then the submitted ones broadcast in order, then the commits awaited. */
    Report run() throws IOException, InterruptedException {
        build();
        NetworkConfig config = TestNetwork.config();
        Organisation org = config.requireOrganisation(user.org());
        Path msp = org.mspFolder(user.name());
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("identity", Map.of("mspId", org.mspId(), "certFile", msp.resolve("signcerts/cert.pem").toString(),
                "keyFile", msp.resolve("keystore/key.pem").toString()));
        plan.put("channel", config.channel());
        plan.put("chaincode", config.chaincode());
        Map<String, Object> peers = new LinkedHashMap<>();
        for (Organisation each : config.organisations()) {
            peers.put(each.key(), Map.of("address", each.peer().endpoint(),
                    "tlsRootCert", each.peer().tlsRootCertPath().toString()));
        }
        plan.put("peers", peers);
        plan.put("orderer", Map.of("address", ordererOf(org), "tlsRootCert", org.peer().tlsRootCertPath().toString()));
        plan.put("waitSeconds", 60);
        List<Map<String, Object>> callsJson = new ArrayList<>();
        for (Call call : calls) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = JSON.convertValue(call, Map.class);
            Object transientData = json.remove("transient_");
            if (transientData != null) {
                json.put("transient", transientData);
            }
            callsJson.add(json);
        }
        plan.put("calls", callsJson);

        Process process = new ProcessBuilder(BINARY.toAbsolutePath().toString()).start();
        process.getOutputStream().write(JSON.writeValueAsBytes(plan));
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("attack client failed: " + err);
        }
        return JSON.readValue(out, Report.class);
    }

    /** The organisation's orderer: its port is the peer's, moved by the offsets of network-config/ports.conf. */
    private static String ordererOf(Organisation org) throws IOException {
        Map<String, Integer> offsets = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../network-config/ports.conf"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 2 && !line.startsWith("#")) {
                offsets.put(fields[0], Integer.parseInt(fields[1]));
            }
        }
        String endpoint = org.peer().endpoint();
        int colon = endpoint.lastIndexOf(':');
        int port = Integer.parseInt(endpoint.substring(colon + 1)) - offsets.get("peer") + offsets.get("orderer");
        return endpoint.substring(0, colon + 1) + port;
    }

    private static synchronized void build() throws IOException, InterruptedException {
        if (built) {
            return;
        }
        Process go = new ProcessBuilder("go", "build", "-o", BINARY.toAbsolutePath().toString(), ".")
                .directory(SOURCE.toFile()).redirectErrorStream(true).start();
        String output = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!go.waitFor(10, TimeUnit.MINUTES) || go.exitValue() != 0) {
            throw new AssertionError("cannot build the attack client (needs Go): " + output);
        }
        built = true;
    }
}
