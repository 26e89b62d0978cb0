package org.gbx.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.gbx.client.ledger.SubmitReceipt;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes results either as an officer's table/key-value list or, with --json, as JSON for scripts. */
public final class Output {

    /** Made on first use: Jackson's set-up is a noticeable part of a call that prints a table. */
    private static final class Mappers {
        static final ObjectMapper JSON_LINE = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        static final ObjectMapper JSON = JSON_LINE.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public boolean isJson() {
        return json;
    }

    public PrintWriter writer() {
        return out;
    }

    void json(Object value) {
        write(Mappers.JSON, value);
    }

    /** One JSON object per line, for streams such as {@code watch}. */
    void jsonLine(Object value) {
        write(Mappers.JSON_LINE, value);
    }

    /** A submitted transaction's result as JSON: {@code {"<name>": value, "transactionId", "blockNumber"}}. */
    void submitted(String name, Object value, SubmitReceipt receipt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(name, value);
        json.put("transactionId", receipt.transactionId());
        json.put("blockNumber", receipt.blockNumber());
        json(json);
    }

    private void write(ObjectMapper mapper, Object value) {
        try {
            out.println(mapper.writeValueAsString(value));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void table(List<String> headings, List<List<String>> rows) {
        TableWriter table = new TableWriter(headings);
        rows.forEach(table::row);
        table.print(out);
    }

    /** Labelled fields of one record, labels aligned. */
    void fields(Map<String, String> labelledValues) {
        int width = labelledValues.keySet().stream().mapToInt(TableWriter::displayWidth).max().orElse(0);
        labelledValues.forEach((label, value) -> out.println(
                label + " ".repeat(width - TableWriter.displayWidth(label)) + "  " + (value == null ? "" : value)));
        out.flush();
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }
}
