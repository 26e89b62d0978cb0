package org.gbx.chaincode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The personal-data guard against synthetic identifiers of every format the forces handle, spelled
 * the ways a hurried officer (or one trying to get past the guard) might: digits of other scripts,
 * full-width forms, every kind of space, dash and dot between the groups, invisible characters,
 * country codes, inside ordinary case text. And it lets ordinary case text through.
 */
class PersonalDataTest {

    /** Digit systems an identifier might be typed in, each as its zero. */
    private static final List<Integer> ZEROS = List.of((int) '0', 0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1D7CE,
            0x1D7EC);
    private static final List<String> SEPARATORS = List.of("", " ", "-", "\u00A0", "\u3000", "\u2013", "\u2014", "\u2212",
            ".", "\u00B7", "\u30FB", "\u200B", "\uFF0D", "_");

    @Property(tries = 400)
    void an_identifier_in_any_spelling_inside_case_text_is_refused(@ForAll("spelledIdentifiers") String identifier,
            @ForAll("caseText") String before, @ForAll("caseText") String after) {
        assertThat(PersonalData.find(before + " " + identifier + " " + after)).as(identifier).isPresent();
    }

    @Property(tries = 300)
    void ordinary_case_text_passes(@ForAll("caseText") String text) {
        assertThat(PersonalData.find(text)).as(text).isEmpty();
    }

    @Example
    void the_spellings_that_got_past_the_old_guard_are_refused() {
        assertThat(PersonalData.find("Call the informant on +853 6612 3456")).isPresent();
        assertThat(PersonalData.find("Holder of ID \u0661\u0662\u0663\u0664\u0665\u0666\u0667(\u0668)")).isPresent();
        assertThat(PersonalData.find("Car of Chan Tai Man, MX-12-34")).isPresent();
        assertThat(PersonalData.find("REQ-44040219900101123X")).isPresent();
        assertThat(PersonalData.find("粤Z·A123澳 seen at Hengqin")).isPresent();
        assertThat(PersonalData.find("permit C一二三四五六七八")).isPresent();
    }

    @Example
    void ids_gbx_and_the_tests_use_pass() {
        for (String id : List.of("REQ-2026-0001", "REQ-kmqt-xvbd-prwz-hcfn", "DEMO-2026-12-01-205733-12345",
                "REQ-mimrh2ww-17", "bench-mimrh2ww-w-12345", "ping-1")) {
            assertThat(PersonalData.find(id)).as(id).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> spelledIdentifiers() {
        return Combinators.combine(rawIdentifiers(), Arbitraries.of(SEPARATORS), Arbitraries.of(ZEROS),
                Arbitraries.of(false, true))
                .as((raw, separator, zero, lower) -> spell(raw, separator, zero, lower));
    }

    /** Each identifier as groups of characters, the way it is usually grouped. */
    private Arbitrary<List<String>> rawIdentifiers() {
        Arbitrary<String> digit = Arbitraries.strings().numeric().ofLength(1);
        Arbitrary<String> letter = Arbitraries.strings().withCharRange('A', 'Z').ofLength(1);
        Arbitrary<List<String>> macauId = Combinators.combine(Arbitraries.of("1", "5", "7"), digits(6), digits(1))
                .as((first, rest, check) -> List.of(first + rest, "(" + check + ")"));
        Arbitrary<List<String>> hongKongId = Combinators.combine(letter, digits(6), Arbitraries.of("0", "3", "7", "A"))
                .as((l, d, check) -> List.of(l + d, "(" + check + ")"));
        Arbitrary<List<String>> mainlandId = Combinators.combine(digits(6), Arbitraries.integers().between(1950, 2010),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28), digits(3),
                Arbitraries.of("0", "7", "X"))
                .as((area, year, month, day, seq, check) -> List.of(area, "%d%02d%02d".formatted(year, month, day),
                        seq + check));
        Arbitrary<List<String>> macauPhone = Combinators.combine(Arbitraries.of("", "+853", "853", "(853)"),
                Arbitraries.of("6", "28"), digits(2), digits(4))
                .as((code, head, mid, tail) -> code.isEmpty() ? List.of(head + mid + (head.equals("6") ? "1" : ""), tail)
                        : List.of(code, head + mid + (head.equals("6") ? "1" : ""), tail));
        Arbitrary<List<String>> mainlandPhone = Combinators.combine(Arbitraries.of("", "+86", "86"),
                Arbitraries.of("13", "15", "18", "19"), digit, digits(4), digits(4))
                .as((code, head, third, mid, tail) -> code.isEmpty() ? List.of(head + third, mid, tail)
                        : List.of(code, head + third, mid, tail));
        Arbitrary<List<String>> macauPlate = Combinators.combine(Arbitraries.of("M", "A"), letter, digits(2), digits(2))
                .as((a, b, c, d) -> List.of(a + b, c, d));
        Arbitrary<List<String>> guangdongPlate = Combinators.combine(Arbitraries.of("粤", "粵"), Arbitraries.of("C", "Z"),
                letter, digits(4), Arbitraries.of("", "港", "澳"))
                .as((province, city, l, d, suffix) -> List.of(province + city, l + d + suffix));
        Arbitrary<List<String>> passport = Combinators.combine(Arbitraries.of("E", "EA", "K", "H", "M", "C", "MA"),
                digits(8)).as((prefix, number) -> List.of(prefix + number.substring(0, prefix.length() == 2 ? 7 : 8)));
        return Arbitraries.oneOf(macauId, hongKongId, mainlandId, macauPhone, mainlandPhone, macauPlate, guangdongPlate,
                passport);
    }

    private static Arbitrary<String> digits(int n) {
        return Arbitraries.strings().numeric().ofLength(n);
    }

    /** Joins the groups with the separator and writes every digit in the chosen script. */
    private static String spell(List<String> groups, String separator, int zero, boolean lower) {
        String joined = String.join(separator, groups);
        StringBuilder out = new StringBuilder();
        joined.codePoints().forEach(cp -> {
            if (cp >= '0' && cp <= '9') {
                out.appendCodePoint(zero + cp - '0');
            } else {
                out.appendCodePoint(lower ? Character.toLowerCase(cp) : cp);
            }
        });
        return out.toString();
    }

    /**
     * Purposes, reasons and justifications as officers write them, with the numbers case text has:
     * years, dates, times, article and law numbers, amounts, other requests' ids, each followed by words.
     */
    @Provide
    Arbitrary<String> caseText() {
        Arbitrary<String> word = Arbitraries.of("trace", "cross-border", "movements", "card-skimming", "investigation",
                "Gongbei", "Hengqin", "port", "log", "Macau", "Criminal", "Procedure", "Code", "liaison", "arrangement",
                "case", "of", "the", "跨境", "詐騙案", "調查", "珠海", "拱北口岸", "H1", "two", "vehicles", "suspects",
                "一名男子", "三輛車", "applies");
        Arbitrary<String> figure = Arbitraries.of("2024", "2025-03-15", "14:30", "12", "art. 3", "para. 2", "No. 45",
                "第3條", "MOP 1,250,000", "Law 17/2009", "REQ-2026-0001", "2025年3月15日", "3.5 km");
        Arbitrary<String> phrase = Combinators.combine(Arbitraries.oneOf(word, figure), word).as((a, b) -> a + " " + b);
        return phrase.list().ofMinSize(1).ofMaxSize(8).map(phrases -> String.join(" ", phrases));
    }
}
