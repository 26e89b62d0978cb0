package org.gbx.client.records;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Mainland resident identity numbers (GB 11643): six-digit area code, birth date, three-digit
 * sequence (odd for men, even for women), and the ISO 7064 MOD 11-2 check character.
 */
public final class MainlandIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private MainlandIdNumber() {
    }

    public static String of(String areaCode, LocalDate birthDate, int sequence) {
        if (!areaCode.matches("\\d{6}") || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("area code must be 6 digits and sequence 0-999");
        }
        String body = areaCode + BIRTH_DATE.format(birthDate) + String.format("%03d", sequence);
        return body + checkCharacter(body);
    }

    public static boolean isValid(String number) {
        return number != null && number.matches("\\d{17}[\\dX]")
                && checkCharacter(number.substring(0, 17)) == number.charAt(17);
    }

    static char checkCharacter(String seventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
