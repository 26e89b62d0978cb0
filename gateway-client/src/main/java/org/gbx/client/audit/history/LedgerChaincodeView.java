package org.gbx.client.audit.history;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.AuditTrail;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.HistoryEntry;
import org.gbx.client.model.RequestPage;

/** The chaincode's answers through the {@link ExchangeLedger} facade (each call has its deadline there). */
public final class LedgerChaincodeView implements ChaincodeView {

    /** The chaincode's largest page (docs/ledger.md). */
    private static final int PAGE_SIZE = 500;

    private final ExchangeLedger ledger;
    private final Collection<String> forceMspIds;

    /** @param forceMspIds the forces whose requests are listed (every organisation but the committee) */
    public LedgerChaincodeView(ExchangeLedger ledger, Collection<String> forceMspIds) {
        this.ledger = ledger;
        this.forceMspIds = List.copyOf(forceMspIds);
    }

    @Override
    public Set<String> requestIds() {
        Set<String> ids = new TreeSet<>();
        for (String mspId : forceMspIds) {
            String bookmark = "";
            do {
                RequestPage page = ledger.listRequests(mspId, null, PAGE_SIZE, bookmark);
                page.records().stream().map(ExchangeRequest::requestId).forEach(ids::add);
                bookmark = page.bookmark();
            } while (bookmark != null && !bookmark.isEmpty());
        }
        return ids;
    }

    @Override
    public List<HistoryEntry> history(String requestId) {
        return ledger.getHistory(requestId);
    }

    @Override
    public List<AccessRecord> accesses(String requestId) {
        return ledger.listAccesses(requestId);
    }

    @Override
    public List<AuditTrail> trails(List<String> requestIds) {
        return ledger.getAuditTrails(requestIds);
    }
}
