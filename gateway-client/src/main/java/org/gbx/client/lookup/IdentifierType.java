package org.gbx.client.lookup;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gbx.client.records.MainlandIdNumber;

/**
 * The kinds of identifier a lookup asks about, each with its one canonical form: both forces
 * write an identifier the same way before it enters the PRF, whatever spacing, brackets,
 * separators or case an officer or a database used.
 */
public enum IdentifierType {
    /** Mainland resident identity number: 18 characters, check character upper-cased and verified. */
    MAINLAND_ID("mainland-id") {
        @Override
        String canonicalForm(String compact) {
            String upper = compact.toUpperCase(Locale.ROOT);
            return MainlandIdNumber.isValid(upper) ? upper : null;
        }
    },
    /** Macau resident card, {@code 1234567(8)}: the eight digits without brackets. */
    MACAU_ID("macau-id") {
        @Override
        String canonicalForm(String compact) {
            String digits = compact.replaceAll("[()/\\-]", "");
            return MACAU.matcher(digits).matches() ? digits : null;
        }
    },
    /** Hong Kong identity card, {@code A123456(7)}: letters, six digits, check character, verified. */
    HONG_KONG_ID("hk-id") {
        @Override
        String canonicalForm(String compact) {
            String plain = compact.replaceAll("[()]", "").toUpperCase(Locale.ROOT);
            return HONG_KONG.matcher(plain).matches() && hongKongCheckHolds(plain) ? plain : null;
        }
    },
    /** Vehicle plate, Macau ({@code MX-12-34}) or mainland ({@code 粤Z·A123澳}): upper case, no separators. */
    PLATE("plate") {
        @Override
        String canonicalForm(String compact) {
            String plain = compact.replaceAll("[\\-·•.．・]", "").toUpperCase(Locale.ROOT);
            return PLATE_FORM.matcher(plain).matches() ? plain : null;
        }
    },
    /** Phone number in E.164 ({@code +85361234567}); local Macau (8 digits from 6) and mainland mobiles accepted. */
    PHONE("phone") {
        @Override
        String canonicalForm(String compact) {
            String plain = compact.replaceAll("[()\\-.]", "");
            if (plain.startsWith("00")) {
                plain = "+" + plain.substring(2);
            } else if (MACAU_MOBILE.matcher(plain).matches()) {
                plain = "+853" + plain;
            } else if (MAINLAND_MOBILE.matcher(plain).matches()) {
                plain = "+86" + plain;
            }
            return E164.matcher(plain).matches() ? plain : null;
        }
    };

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern MACAU = Pattern.compile("[157]\\d{7}");
    private static final Pattern HONG_KONG = Pattern.compile("[A-Z]{1,2}\\d{6}[0-9A]");
    private static final Pattern PLATE_FORM = Pattern.compile("[\\p{IsHan}A-Z0-9]{4,10}");
    private static final Pattern MACAU_MOBILE = Pattern.compile("6\\d{7}");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    private final String optionName;

    IdentifierType(String optionName) {
        this.optionName = optionName;
    }

    /** The name officers type after {@code --id-type}. */
    public String optionName() {
        return optionName;
    }

    public static Optional<IdentifierType> fromOptionName(String name) {
        return Arrays.stream(values()).filter(t -> t.optionName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /**
     * The identifier in its canonical form.
     *
     * @throws InvalidIdentifierException when it is not an identifier of this type (the message never repeats it)
     */
    public Identifier identifier(String written) {
        String canonical = written == null ? null : canonicalForm(WHITESPACE.matcher(written.strip()).replaceAll(""));
        if (canonical == null) {
            throw new InvalidIdentifierException(this);
        }
        return new Identifier(this, canonical);
    }

    /** The canonical form of a whitespace-free string, or null when it is not of this type. */
    abstract String canonicalForm(String compact);

    /** Hong Kong's check: weights 9 (a leading space counts 36) down to 2, letters A=10…Z=35, mod 11 (10 = A). */
    private static boolean hongKongCheckHolds(String id) {
        String body = id.length() == 8 ? " " + id.substring(0, 7) : id.substring(0, 8);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int value = c == ' ' ? 36 : Character.isLetter(c) ? c - 'A' + 10 : c - '0';
            sum += value * (9 - i);
        }
        int check = (11 - sum % 11) % 11;
        char last = id.charAt(id.length() - 1);
        return check == (last == 'A' ? 10 : last - '0');
    }
}
