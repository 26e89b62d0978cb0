package org.gbx.client.evidence;

import java.util.Arrays;
import java.util.List;

/**
 * What one evidence check found, as a form and the values in it (hashes, times, organisations,
 * block numbers), never as finished English: the command line words each form in the reader's
 * language, and {@code --json} carries the form's name and values for case-management systems.
 */
public record Finding(Form form, List<String> values) {

    /** Every form a finding takes; each has its words under {@code evidence.finding.<NAME>}. */
    public enum Form {
        BUNDLE_COMPLETE,
        NOT_JSON,
        NOT_A_BUNDLE,
        PART_MISSING,
        NOT_CANONICAL,
        NOT_A_STATEMENT,
        STATEMENT_FIELD_MISSING,
        SIGNATURE_VALID,
        SIGNATURE_NOT_CMS,
        SIGNER_COUNT,
        SIGNER_CERTIFICATE_MISSING,
        SIGNER_CERTIFICATE_UNREADABLE,
        SIGNATURE_DOES_NOT_VERIFY,
        SIGNER_OF_OWNER,
        SIGNER_NOT_OF_OWNER,
        SIGNER_APPROVER,
        SIGNER_ROLE,
        SIGNER_NO_ROLE,
        CERTIFICATE_VALID,
        CERTIFICATE_NOT_VALID,
        CERTIFICATE_OR_TIME_MISSING,
        RECORD_IS_LEAF,
        RECORD_NOT_LEAF,
        PROOF_REACHES_ROOT,
        PROOF_MISSES_ROOT,
        BLOCK_SIGNED,
        BLOCK_UNREADABLE,
        BLOCK_EXTRA_BYTES,
        BLOCK_PROBLEM,
        BLOCK_LACKS_TRANSACTION,
        BLOCK_FLAGS_MISMATCH,
        TRANSACTION_NOT_VALID,
        OTHER_FLAG_CHANGED,
        UNSIGNED_METADATA,
        DELIVERY_RECORDED,
        DELIVERY_NOT_IN_BLOCK,
        DELIVERY_DIFFERS,
        ENDORSEMENT_RECORDED,
        ENDORSEMENT_NOT_IN_BLOCK,
        ENDORSEMENT_DIFFERS
    }

    public Finding {
        values = List.copyOf(values);
    }

    static Finding of(Form form, Object... values) {
        return new Finding(form, Arrays.stream(values).map(String::valueOf).toList());
    }
}
