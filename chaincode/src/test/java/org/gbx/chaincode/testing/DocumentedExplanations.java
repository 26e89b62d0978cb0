package org.gbx.chaincode.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refusal explanations docs/ledger.md lists ("Explanations"), as patterns: clients translate
 * exactly these forms, so every refusal a test provokes must have one of them.
 */
public final class DocumentedExplanations {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `(.+)` \\|$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+\\}");
    private static final List<Pattern> FORMS = load();

    private DocumentedExplanations() {
    }

    /** Whether {@code message} ("CODE: explanation") is one of the documented forms. */
    public static boolean documents(String message) {
        return FORMS.stream().anyMatch(form -> form.matcher(message).matches());
    }

    private static List<Pattern> load() {
        List<Pattern> forms = new ArrayList<>();
        boolean inSection = false;
        for (String line : lines()) {
            if (line.startsWith("### ")) {
                inSection = line.equals("### Explanations");
            }
            Matcher row = ROW.matcher(line);
            if (inSection && row.matches()) {
                forms.add(Pattern.compile(Pattern.quote(row.group(1) + ": ")
                        + PLACEHOLDER.splitAsStream(row.group(2)).map(Pattern::quote)
                                .reduce((a, b) -> a + ".+?" + b).orElse("")
                        + (row.group(2).endsWith("}") ? ".+?" : "")));
            }
        }
        if (forms.isEmpty()) {
            throw new IllegalStateException("docs/ledger.md lists no explanations");
        }
        return List.copyOf(forms);
    }

    private static List<String> lines() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/ledger.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/ledger.md not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readAllLines(dir.resolve("docs/ledger.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
