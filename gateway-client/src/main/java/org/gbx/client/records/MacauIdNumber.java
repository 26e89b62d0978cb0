package org.gbx.client.records;

import java.util.random.RandomGenerator;

/**
 * Synthetic Macau resident card numbers, {@code 1234567(8)}: seven digits starting 1, 5 or 7 and a
 * check digit in brackets. The real check algorithm is not public; this weighted mod-11 sum is our
 * own, so synthetic numbers are self-consistent without imitating real ones.
 */
public final class MacauIdNumber {

    private static final int[] FIRST_DIGITS = {1, 5, 7};

    private MacauIdNumber() {
    }

    public static String random(RandomGenerator random) {
        while (true) {
            int[] digits = new int[7];
            digits[0] = FIRST_DIGITS[random.nextInt(FIRST_DIGITS.length)];
            for (int i = 1; i < 7; i++) {
                digits[i] = random.nextInt(10);
            }
            int check = checkDigit(digits);
            if (check < 10) {
                StringBuilder number = new StringBuilder(10);
                for (int d : digits) {
                    number.append(d);
                }
                return number.append('(').append(check).append(')').toString();
            }
        }
    }

    public static boolean isValid(String number) {
        if (number == null || !number.matches("[157]\\d{6}\\(\\d\\)")) {
            return false;
        }
        int[] digits = new int[7];
        for (int i = 0; i < 7; i++) {
            digits[i] = number.charAt(i) - '0';
        }
        return checkDigit(digits) == number.charAt(8) - '0';
    }

    private static int checkDigit(int[] digits) {
        int sum = 0;
        for (int i = 0; i < digits.length; i++) {
            sum += digits[i] * (8 - i);
        }
        return (11 - sum % 11) % 11;
    }
}
