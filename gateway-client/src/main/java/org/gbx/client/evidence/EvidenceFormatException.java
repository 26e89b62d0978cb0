package org.gbx.client.evidence;

/** A bundle that cannot even be read as a gbx evidence bundle; the finding says why. */
public final class EvidenceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Finding finding;

    public EvidenceFormatException(Finding.Form form, Object... values) {
        super(form.name());
        this.finding = Finding.of(form, values);
    }

    public Finding finding() {
        return finding;
    }
}
