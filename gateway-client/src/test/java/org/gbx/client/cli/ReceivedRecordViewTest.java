package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gbx.client.records.ReceivedStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code gbx access} shows an officer of a received record: a card in words, never raw JSON. */
class ReceivedRecordViewTest {

    private static final ReceivedStore.StoredRecord CROSSING = new ReceivedStore.StoredRecord(0, "BORDER_CROSSINGS",
            "ZHUHAI-X0000031-V0", "{\"category\":\"BORDER_CROSSINGS\",\"fields\":{\"crossed_at\":\"2026-11-02T09:15:00+08:00\","
            + "\"direction\":\"OUT\",\"port\":\"Gongbei\",\"travel_document\":\"C60123457\",\"waiting_area\":null},"
            + "\"recordId\":\"ZHUHAI-X0000031-V0\",\"subject\":{\"idNumber\":\"440402198803150022\",\"idType\":\"MAINLAND_RIC\"}}",
            Optional.empty());
    private static final ReceivedStore.StoredRecord CLIP = new ReceivedStore.StoredRecord(1, "CCTV", "ZHUHAI-C0000002-V0",
            "{\"category\":\"CCTV\",\"fields\":{\"location\":\"Hengqin port hall\",\"recorded_at\":\"2026-11-02T09:20:00+08:00\","
            + "\"size_bytes\":1048576},\"recordId\":\"ZHUHAI-C0000002-V0\",\"subject\":{\"idNumber\":\"1234567(8)\","
            + "\"idType\":\"MACAU_BIR\"}}", Optional.of(Path.of("/data/received/clip-2.bin")));

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hant", "zh-Hans"})
    void a_received_record_reads_as_a_card_of_labelled_fields_in_the_officers_language(String language) {
        Messages messages = new Messages(Locale.forLanguageTag(language));
        TimeDisplay time = new TimeDisplay(ZoneId.of("Asia/Macau"));

        List<String> card = ReceivedRecordView.card(CROSSING, messages, time);
        String text = String.join("\n", card);

        assertThat(card.get(0)).as(text).contains("1", "ZHUHAI-X0000031-V0", messages.get("category.BORDER_CROSSINGS"));
        assertThat(text).as("no raw JSON, no column or enum names")
                .doesNotContain("{", "\"", "crossed_at", "travel_document", "MAINLAND_RIC", "BORDER_CROSSINGS")
                .contains("440402198803150022", "Gongbei", "C60123457", "2026-11-02 09:15 +08:00",
                        messages.get("recordField.crossed_at"), messages.get("recordIdType.MAINLAND_RIC"))
                .as("a column this client has no words for keeps its name").contains("waiting_area");
        assertThat(card.subList(1, card.size())).allSatisfy(line -> assertThat(line).startsWith("    "));

        String clip = String.join("\n", ReceivedRecordView.card(CLIP, messages, time));
        assertThat(clip).contains("2", "Hengqin port hall", "1234567(8)", "/data/received/clip-2.bin",
                messages.get("recordField.clipFile"), messages.get("category.CCTV"));
    }
}
