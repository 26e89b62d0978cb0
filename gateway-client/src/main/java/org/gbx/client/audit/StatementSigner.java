package org.gbx.client.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gbx.client.delivery.ManifestSigner;
import org.gbx.client.identity.UserIdentity;

/**
 * Writes a verification statement as JSON and signs exactly those bytes with the auditor's
 * enrolment key: a detached CMS SignedData ({@code <file>.p7s}, DER) carrying the auditor's
 * certificate, which anyone checks with the committee's CA certificate alone, e.g. with
 * {@code openssl cms -verify} (docs/oversight.md).
 */
public final class StatementSigner {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private StatementSigner() {
    }

    /** @return the signature file written next to {@code file} */
    public static Path write(VerificationStatement statement, UserIdentity auditor, Path file) {
        try {
            byte[] json = JSON.writeValueAsBytes(statement);
            byte[] signature = new ManifestSigner(auditor.privateKey(), auditor.certificate()).sign(json);
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Files.write(absolute, json);
            Path signatureFile = absolute.resolveSibling(absolute.getFileName() + ".p7s");
            Files.write(signatureFile, signature);
            return signatureFile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the verification statement to " + file, e);
        }
    }
}
