package org.gbx.chaincode.rules;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The guard against personal data in what reaches public state: free text and client-chosen ids.
 * It cannot recognise a name, but it recognises the identifiers the forces handle, however they
 * are spelled: the text is first normalised (compatibility forms such as full-width letters and
 * digits, digits of every script and Chinese numerals as ASCII digits, every kind of space, dash
 * and dot as one of each, invisible format characters removed, upper case), then matched against
 * the shapes below. Refusals name the shape, never the text.
 */
public final class PersonalData {

    /** What a refused text looked like. */
    public enum Shape {
        GUANGDONG_PLATE("a Guangdong vehicle plate", "[粤粵] ?[A-Z][ .-]?[A-Z0-9]{4,6}"),
        MACAU_PLATE("a Macau vehicle plate", "(?<![A-Z0-9])[A-Z]{1,2}([ .-]?)\\d{2}\\1\\d{2}(?![0-9A-Z])"),
        HONG_KONG_ID("a Hong Kong identity card number",
                "(?<![A-Z0-9])[A-Z]{1,2}[ .-]?\\d{6}[ .-]?\\(?[0-9A]\\)?(?![0-9A-Z])"),
        MAINLAND_ID("a mainland resident identity number",
                "(?<!\\d)\\d{6}[ .-]?(?:18|19|20)\\d{2}[ .-]?\\d{2}[ .-]?\\d{2}[ .-]?\\d{3}[0-9X](?![0-9A-Z])"),
        MACAU_PHONE("a Macau phone number",
                "(?<!\\d)(?:\\(?\\+?853\\)?[ .-]?)?(?:6\\d{3}|28\\d{2})[ .-]?\\d{4}(?!\\d)"),
        MAINLAND_PHONE("a mainland phone number",
                "(?<!\\d)(?:\\(?\\+?86\\)?[ .-]?)?1[3-9]\\d[ .-]?\\d{4}[ .-]?\\d{4}(?!\\d)"),
        TRAVEL_DOCUMENT("a passport or travel permit number", "(?<![A-Z0-9])[A-Z]{1,2}[ .-]?\\d{7,8}(?!\\d)"),
        MACAU_ID("a Macau resident identity card number", "(?<![0-9A-Z])[157]\\d{6}[ .-]?\\(?\\d\\)?(?!\\d)"),
        /** Any other identity, passport or phone number: 7 or more digits, single spaces allowed between them. */
        LONG_NUMBER("a long number (identity, passport or phone)", "\\d(?: ?\\d){6,}");

        private final String description;
        private final Pattern pattern;

        Shape(String description, String regex) {
            this.description = description;
            this.pattern = Pattern.compile(regex);
        }

        public String description() {
            return description;
        }
    }

    /** Chinese numerals as they could spell an identifier digit by digit; index = value. */
    private static final String[] CHINESE_DIGITS = {"〇零", "一壹", "二贰貳", "三叁參", "四肆", "五伍", "六陆陸",
        "七柒", "八捌", "九玖"};

    private PersonalData() {
    }

    /** The first shape of personal data {@code text} holds, if any. */
    public static Optional<Shape> find(String text) {
        String normalised = normalise(text);
        return Arrays.stream(Shape.values()).filter(shape -> shape.pattern.matcher(normalised).find()).findFirst();
    }

    /** The text as the shapes are matched against it. */
    static String normalise(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.FORMAT) {
                return;
            }
            char replacement = replacement(cp, type);
            if (replacement == ' ' && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                return;
            }
            if (replacement != 0) {
                out.append(replacement);
            } else {
                out.appendCodePoint(Character.toUpperCase(cp));
            }
        });
        return out.toString();
    }

    private static char replacement(int cp, int type) {
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return (char) ('0' + Character.digit(cp, 10));
        }
        for (int value = 0; value < CHINESE_DIGITS.length; value++) {
            if (CHINESE_DIGITS[value].indexOf(cp) >= 0) {
                return (char) ('0' + value);
            }
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return ' ';
        }
        if (type == Character.DASH_PUNCTUATION || cp == '_' || cp == '\u2212') {
            return '-';
        }
        if ("·•‧∙⋅・。．.".indexOf(cp) >= 0) {
            return '.';
        }
        return 0;
    }
}
