package org.gbx.chaincode.ledger;

import static org.gbx.chaincode.ErrorCode.FIELD_TOO_LONG;
import static org.gbx.chaincode.ErrorCode.INVALID_VALUE;
import static org.gbx.chaincode.ErrorCode.MALFORMED_JSON;
import static org.gbx.chaincode.ErrorCode.MISSING_FIELD;
import static org.gbx.chaincode.ErrorCode.UNKNOWN_ENUM_VALUE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The one JSON mapping of the chaincode. Output is deterministic (endorsing peers must
 * produce identical bytes): properties sorted by name, map entries by key, instants as
 * ISO-8601 UTC strings. Input is strict: unknown fields, duplicates and coercions refused.
 */
public final class LedgerJson {
    public static final int MAX_ARGUMENT_BYTES = 16 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private LedgerJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a record the chaincode itself wrote. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("ledger value is not a " + type.getSimpleName(), e);
        }
    }

    /** Reads a client's JSON argument, refusing anything malformed with its error code. */
    public static <T> T parseArgument(String field, String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw MISSING_FIELD.refuse(field + " is required");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_ARGUMENT_BYTES) {
            // too long, not malformed: the usual cause is a text field far over its limit
            throw FIELD_TOO_LONG.refuse(field + " is longer than " + MAX_ARGUMENT_BYTES + " bytes");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw MALFORMED_JSON.refuse(field + " must be a JSON object");
            }
            return value;
        } catch (InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            if (target != null && target.isEnum()) {
                throw UNKNOWN_ENUM_VALUE.refuse(field + " has a value that is not a known " + target.getSimpleName());
            }
            throw INVALID_VALUE.refuse(field + " has a value of the wrong form at " + path(e));
        } catch (ValueInstantiationException e) {
            // the argument records check their fields while Jackson builds them
            if (e.getCause() instanceof ChaincodeException refusal) {
                throw refusal;
            }
            throw MALFORMED_JSON.refuse(field + " could not be read as " + type.getSimpleName());
        } catch (JsonProcessingException e) {
            throw MALFORMED_JSON.refuse(field + " is not valid JSON for " + type.getSimpleName());
        }
    }

    private static String path(InvalidFormatException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse("top level");
    }
}
