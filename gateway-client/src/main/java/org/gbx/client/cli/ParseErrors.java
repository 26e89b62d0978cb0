package org.gbx.client.cli;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's own parse errors in the officer's language: picocli words them in English, so each
 * kind is recognised by its exception type and what it carries (the option, the value, the
 * expected type) and said again from the bundles. A kind not recognised keeps picocli's words.
 */
final class ParseErrors {

    private final Messages messages;

    ParseErrors(Messages messages) {
        this.messages = messages;
    }

    String describe(ParameterException e) {
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            List<String> names = missing.getMissing().stream().map(ParseErrors::name).toList();
            // picocli 4.7's words for an option given without its value, as opposed to a required option left out
            boolean valueMissing = String.valueOf(e.getMessage()).startsWith("Missing required parameter for option")
                    || String.valueOf(e.getMessage()).startsWith("Expected parameter for option");
            if (valueMissing) {
                return messages.get("error.valueMissing", names.get(0), label(missing.getMissing().get(0)));
            }
            return messages.get(names.size() == 1 ? "error.missingArgument" : "error.missingArguments", list(names));
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return messages.get("error.unknownArgument", list(unmatched.getUnmatched()));
        }
        if (e instanceof OverwrittenOptionException overwritten && overwritten.getOverwritten() != null) {
            return messages.get("error.repeatedOption", name(overwritten.getOverwritten()));
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return messages.get("error.invalidValue", name(e.getArgSpec()), e.getValue(), expected(e.getArgSpec()));
        }
        return String.valueOf(e.getMessage());
    }

    /** "Did you mean" for a mistyped option or command, empty if picocli has no suggestion. */
    String suggestions(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return messages.get("error.didYouMean", list(unmatched.getSuggestions()));
        }
        return "";
    }

    private String expected(ArgSpec arg) {
        Class<?> type = elementType(arg);
        if (type.isEnum()) {
            return messages.get("error.expectedOneOf", list(Arrays.stream(type.getEnumConstants())
                    .map(value -> ((Enum<?>) value).name()).toList()));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return messages.get("error.expectedWholeNumber");
        }
        if (type == ZoneId.class) {
            return messages.get("error.expectedZone");
        }
        if (java.util.Map.class.isAssignableFrom(arg.type())) {
            return messages.get("error.expectedKeyValue", label(arg));
        }
        return messages.get("error.expectedForm", label(arg));
    }

    private static Class<?> elementType(ArgSpec arg) {
        Class<?>[] auxiliary = arg.auxiliaryTypes();
        boolean multiple = Collection.class.isAssignableFrom(arg.type()) || arg.type().isArray()
                || java.util.Map.class.isAssignableFrom(arg.type());
        return multiple && auxiliary.length > 0 ? auxiliary[auxiliary.length - 1] : arg.type();
    }

    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return arg instanceof PositionalParamSpec positional ? positional.paramLabel() : String.valueOf(arg);
    }

    private static String label(ArgSpec arg) {
        return arg.paramLabel();
    }

    private String list(Collection<String> items) {
        return items.stream().collect(Collectors.joining(messages.get("list.separator")));
    }
}
