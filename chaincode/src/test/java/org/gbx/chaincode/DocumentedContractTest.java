package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gbx.chaincode.model.Status;
import org.gbx.chaincode.rules.RequestAction;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.junit.jupiter.api.Test;

/**
 * docs/ledger.md is the contract clients are written against (their translations of statuses,
 * error codes and events are tested against the same page): it lists exactly what the code has.
 */
class DocumentedContractTest {
    private static final Pattern TRANSACTION_ROW =
            Pattern.compile("^\\| `([A-Za-z]+)` \\| (submit|evaluate) \\|.*\\| (?:`([A-Za-z]+)`(?: or `([A-Za-z]+)`)?|—) \\|$");
    /** The events outside a request's lifecycle, each emitted by its own transaction. */
    private static final Set<String> OTHER_EVENTS =
            Set.of("Ping", "EndorsementRequested", "RecordEndorsed", "OrgSuspended", "OrgUnsuspended", "ForceRegistered");

    @Test
    void every_error_code_is_documented_and_nothing_else() throws IOException {
        Set<String> documented = section("## Error codes", "### ").stream()
                .map(line -> Pattern.compile("^\\| `([A-Z_]+)` \\|").matcher(line))
                .filter(Matcher::find).map(m -> m.group(1)).collect(Collectors.toCollection(LinkedHashSet::new));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(names(ErrorCode.values()));
    }

    @Test
    void every_status_is_documented_and_nothing_else() throws IOException {
        String row = section("### Enumerations", "## ").stream().filter(line -> line.startsWith("| status |"))
                .findFirst().orElseThrow();

        assertThat(backticked(row)).containsExactlyInAnyOrderElementsOf(names(Status.values()));
    }

    @Test
    void every_transaction_and_event_is_documented_and_nothing_else() throws IOException {
        Set<String> transactions = new LinkedHashSet<>();
        Set<String> events = new LinkedHashSet<>();
        for (String line : section("## Transactions", "### ")) {
            Matcher row = TRANSACTION_ROW.matcher(line);
            if (row.matches()) {
                transactions.add(row.group(1));
                Stream.of(row.group(3), row.group(4)).filter(e -> e != null).forEach(events::add);
            }
        }
        Set<String> annotated = Arrays.stream(ExchangeContract.class.getMethods())
                .map(method -> method.getAnnotation(Transaction.class)).filter(t -> t != null)
                .map(Transaction::name).collect(Collectors.toSet());
        Set<String> emitted = new LinkedHashSet<>(OTHER_EVENTS);
        Arrays.stream(RequestAction.values()).flatMap(action -> action.events().stream()).forEach(emitted::add);

        assertThat(transactions).containsExactlyInAnyOrderElementsOf(annotated);
        assertThat(events).containsExactlyInAnyOrderElementsOf(emitted);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> backticked(String text) {
        Matcher m = Pattern.compile("`([A-Z_]+)`").matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The lines after {@code heading} up to the next heading that starts with {@code end}. */
    private static List<String> section(String heading, String end) throws IOException {
        List<String> lines = Files.readAllLines(ledgerDoc());
        int start = lines.indexOf(heading);
        assertThat(start).as(heading + " in docs/ledger.md").isNotNegative();
        List<String> rest = lines.subList(start + 1, lines.size());
        int stop = 0;
        while (stop < rest.size() && !rest.get(stop).startsWith(end) && !rest.get(stop).startsWith("## ")) {
            stop++;
        }
        return rest.subList(0, stop);
    }

    private static Path ledgerDoc() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("docs/ledger.md"))) {
            dir = dir.getParent();
        }
        return dir.resolve("docs/ledger.md");
    }
}
