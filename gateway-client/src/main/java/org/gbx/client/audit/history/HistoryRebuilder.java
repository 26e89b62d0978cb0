package org.gbx.client.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gbx.client.audit.chain.LedgerTransaction;
import org.gbx.client.audit.chain.LedgerWrite;
import org.gbx.client.audit.chain.ProblemKind;
import org.gbx.client.audit.chain.VerificationProblem;

/**
 * Rebuilds the exchange ledger's records from the writes of valid transactions, in block order,
 * and checks that every change to a request was endorsed by a peer of both its forces (the
 * key-level policy of docs/ledger.md). Invalid transactions never change the rebuilt history,
 * exactly as they never changed the peers' state.
 */
public final class HistoryRebuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String chaincode;
    private final TreeMap<String, List<RecordVersion>> requests = new TreeMap<>();
    private final TreeMap<String, List<RecordVersion>> accesses = new TreeMap<>();
    private final List<RecordVersion> suspensions = new ArrayList<>();
    private final TreeMap<String, List<RecordVersion>> lookups = new TreeMap<>();

    /** Continues from {@code start} (empty for a fresh rebuild from block 0). */
    public HistoryRebuilder(String chaincode, RebuiltLedger start) {
        this.chaincode = chaincode;
        start.requests().forEach((id, versions) -> requests.put(id, new ArrayList<>(versions)));
        start.accesses().forEach((id, versions) -> accesses.put(id, new ArrayList<>(versions)));
        suspensions.addAll(start.suspensions());
        start.lookups().forEach((id, versions) -> lookups.put(id, new ArrayList<>(versions)));
    }

    /** Applies one transaction; returns the endorsement-policy problems it shows. */
    public List<VerificationProblem> apply(LedgerTransaction transaction) {
        if (!transaction.valid() || !transaction.chaincode().equals(chaincode)) {
            return List.of();
        }
        List<VerificationProblem> problems = new ArrayList<>();
        for (LedgerWrite write : transaction.writes()) {
            if (!write.namespace().equals(chaincode) || write.deleted()) {
                continue;
            }
            RecordVersion version = new RecordVersion(transaction.transactionId(), transaction.block(),
                    transaction.timestamp(), transaction.function(), parse(write.value()));
            LedgerKeys.requestId(write.key()).ifPresent(id -> {
                requests.computeIfAbsent(id, k -> new ArrayList<>()).add(version);
                checkForcesEndorsed(transaction, version.record(), "requesterOrg", "targetOrg",
                        "request " + version.record().path("requestId").asText()).ifPresent(problems::add);
            });
            LedgerKeys.accessedRequestId(write.key())
                    .ifPresent(id -> accesses.computeIfAbsent(id, k -> new ArrayList<>()).add(version));
            LedgerKeys.suspendedOrg(write.key()).ifPresent(org -> suspensions.add(version));
            LedgerKeys.lookupId(write.key()).ifPresent(id -> {
                lookups.computeIfAbsent(id, k -> new ArrayList<>()).add(version);
                checkForcesEndorsed(transaction, version.record(), "askerOrg", "holderOrg", "lookup " + id)
                        .ifPresent(problems::add);
            });
        }
        return problems;
    }

    public RebuiltLedger ledger() {
        return new RebuiltLedger(requests, accesses, suspensions, lookups);
    }

    /** A request or a lookup changes only with a peer of each of its two forces. */
    private static Optional<VerificationProblem> checkForcesEndorsed(LedgerTransaction transaction, JsonNode record,
            String firstForce, String secondForce, String what) {
        // A set that tolerates equal values: a damaged record may name no force at all.
        Set<String> forces = new TreeSet<>(List.of(record.path(firstForce).asText(), record.path(secondForce).asText()));
        if (transaction.endorserMspIds().containsAll(forces)) {
            return Optional.empty();
        }
        return Optional.of(new VerificationProblem(transaction.block(), transaction.transactionId(),
                ProblemKind.ENDORSEMENT_POLICY_NOT_MET, transaction.function() + " on " + what
                        + " was endorsed by " + transaction.endorserMspIds()
                        + ", not by both " + forces));
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            // Kept verbatim so the comparison with the chaincode shows it as a difference.
            return TextNode.valueOf(value);
        }
    }
}
