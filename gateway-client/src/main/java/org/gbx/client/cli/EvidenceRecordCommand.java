package org.gbx.client.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Base of the evidence commands that name one record of a request. */
abstract class EvidenceRecordCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "REQ", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--record", required = true, paramLabel = "ID", descriptionKey = "option.record")
    String recordId;

    /** The request and record ids, checked before anything is read or sent. */
    void checkIds() {
        LocalChecks.requestId(requestId);
        LocalChecks.recordId(recordId);
    }

    Gbx gbx() {
        return (Gbx) spec.root().userObject();
    }
}
