package org.gbx.client.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gbx.client.model.CaseDetails;
import org.gbx.client.records.IdType;
import org.gbx.client.records.Subject;
import org.junit.jupiter.api.Test;

class CaseSubjectsTest {

    @Test
    void reads_typed_and_shorthand_subjects_in_order() {
        CaseDetails details = CaseDetails.of("""
                {"narrative":"x","subjects":[{"idType":"MAINLAND_RIC","idNumber":"11010519491231002X"},
                 {"macauId":"1234567(8)","name":"ignored"}]}""");
        assertThat(CaseSubjects.of(details)).containsExactly(
                new Subject(IdType.MAINLAND_RIC, "11010519491231002X"), new Subject(IdType.MACAU_BIR, "1234567(8)"));
    }

    @Test
    void a_parse_error_never_quotes_the_details() {
        assertThatThrownBy(() -> CaseSubjects.of(CaseDetails.of("{\"subjects\":[{\"idType\":\"NOPE\",\"idNumber\":\"5555555(5)\"}]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("5555555");
    }
}
