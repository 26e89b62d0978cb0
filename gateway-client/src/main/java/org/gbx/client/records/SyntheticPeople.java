package org.gbx.client.records;

import java.time.LocalDate;
import java.util.random.RandomGenerator;

/**
 * Invented names, identity numbers, plates and phone numbers in the formats the two forces use.
 * Every value is drawn from the caller's seeded generator, so a seed always gives the same people.
 */
final class SyntheticPeople {

    /** Surname: characters, Macau (Cantonese) romanisation, mainland pinyin. */
    private static final String[][] SURNAMES = {
        {"陳", "CHAN", "CHEN"}, {"李", "LEI", "LI"}, {"黃", "WONG", "HUANG"}, {"張", "CHEONG", "ZHANG"},
        {"梁", "LEONG", "LIANG"}, {"林", "LAM", "LIN"}, {"何", "HO", "HE"}, {"吳", "NG", "WU"},
        {"劉", "LAO", "LIU"}, {"鄭", "CHEANG", "ZHENG"}, {"蔡", "CHOI", "CAI"}, {"郭", "KUOK", "GUO"},
    };
    private static final String[][] GIVEN = {
        {"志", "CHI", "ZHI"}, {"偉", "WAI", "WEI"}, {"嘉", "KA", "JIA"}, {"明", "MENG", "MING"},
        {"美", "MEI", "MEI"}, {"華", "WA", "HUA"}, {"俊", "CHON", "JUN"}, {"玲", "LENG", "LING"},
        {"建", "KIN", "JIAN"}, {"欣", "IAN", "XIN"}, {"文", "MAN", "WEN"}, {"婷", "TENG", "TING"},
    };
    /** Zhuhai districts and a few other Guangdong area codes. */
    private static final String[] MAINLAND_AREAS = {"440402", "440403", "440404", "440104", "440303", "445102"};
    private static final String[] MACAU_OPERATORS = {"CTM", "Hutchison Macau", "China Telecom Macau"};
    private static final String[] MAINLAND_OPERATORS = {"China Mobile Guangdong", "China Unicom Guangdong",
        "China Telecom Guangdong"};
    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final RandomGenerator random;
    /** Identity numbers are unique per document type in {@code person}; redraw on a clash. */
    private final java.util.Set<String> issued = new java.util.HashSet<>();

    SyntheticPeople(RandomGenerator random) {
        this.random = random;
    }

    record Name(String nativeName, String latinName) {
    }

    Name name(IdType idType) {
        String[] surname = pick(SURNAMES);
        String[] first = pick(GIVEN);
        String[] second = pick(GIVEN);
        String latin = idType == IdType.MACAU_BIR
                ? surname[1] + " " + first[1] + " " + second[1]
                : surname[2] + " " + first[2] + second[2].toLowerCase(java.util.Locale.ROOT);
        return new Name(surname[0] + first[0] + second[0], latin);
    }

    LocalDate birthDate() {
        return LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
    }

    String idNumber(IdType idType, LocalDate birthDate, char sex) {
        while (true) {
            String number = idType == IdType.MACAU_BIR
                    ? MacauIdNumber.random(random)
                    : MainlandIdNumber.of(pick(MAINLAND_AREAS), birthDate, random.nextInt(500) * 2 + (sex == 'M' ? 1 : 0));
            if (issued.add(number)) {
                return number;
            }
        }
    }

    /** Macau plate, e.g. {@code MX-12-34}. */
    String macauPlate() {
        return "M" + PLATE_LETTERS.charAt(random.nextInt(PLATE_LETTERS.length()))
                + String.format("-%02d-%02d", random.nextInt(100), random.nextInt(100));
    }

    /** Guangdong plate of a Zhuhai car, e.g. {@code 粤C·D1234}. */
    String zhuhaiPlate() {
        return "粤C·" + PLATE_LETTERS.charAt(random.nextInt(PLATE_LETTERS.length()))
                + String.format("%04d", random.nextInt(10000));
    }

    /** Cross-border plate a Macau car carries on the mainland side, e.g. {@code 粤Z·A123澳}. */
    String crossBorderPlate() {
        return "粤Z·" + PLATE_LETTERS.charAt(random.nextInt(PLATE_LETTERS.length()))
                + String.format("%03d", random.nextInt(1000)) + "澳";
    }

    /** Macau mobile numbers are 8 digits starting with 6; mainland ones 11 digits starting 13-19. */
    String msisdn(IdType idType) {
        if (idType == IdType.MACAU_BIR) {
            return String.format("+853 6%03d %04d", random.nextInt(1000), random.nextInt(10000));
        }
        return String.format("+86 1%d%d %04d %04d", 3 + random.nextInt(7), random.nextInt(10),
                random.nextInt(10000), random.nextInt(10000));
    }

    String operator(IdType idType) {
        return pick(idType == IdType.MACAU_BIR ? MACAU_OPERATORS : MAINLAND_OPERATORS);
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
