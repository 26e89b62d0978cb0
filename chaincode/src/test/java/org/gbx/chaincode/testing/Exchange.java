package org.gbx.chaincode.testing;

import static org.gbx.chaincode.model.DataCategory.BORDER_CROSSINGS;
import static org.gbx.chaincode.model.DataCategory.IDENTITY;
import static org.gbx.chaincode.model.DataCategory.VEHICLES;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.OVERSIGHT;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.gbx.chaincode.ledger.LedgerJson;
import org.gbx.chaincode.model.ExchangeRequest;
import org.gbx.chaincode.model.Status;

/**
 * Drives requests from Macau PJ to Zhuhai PSB through the lifecycle with the right
 * officers, so a test can start from any status and then try one transaction.
 */
public final class Exchange {
    public final Officer macauLiaison = Officer.of(MACAU, "liaison");
    public final Officer macauApprover = Officer.of(MACAU, "approver");
    public final Officer zhuhaiLiaison = Officer.of(ZHUHAI, "liaison");
    public final Officer zhuhaiApprover = Officer.of(ZHUHAI, "approver");
    public final Officer auditor = Officer.of(OVERSIGHT, "auditor");

    private final TestChannel channel;

    public Exchange(TestChannel channel) {
        this.channel = channel;
    }

    public TestChannel channel() {
        return channel;
    }

    public ExchangeRequest request(String id) {
        return LedgerJson.read(channel.evaluate(auditor, (c, ctx) -> c.getRequest(ctx, id))
                .getBytes(StandardCharsets.UTF_8), ExchangeRequest.class);
    }

    public String create(String id) {
        return channel.submit(macauLiaison, TestChannel.details(Samples.CASE_DETAILS),
                (c, ctx) -> c.createRequest(ctx, id, Samples.requestJson(ZHUHAI, IDENTITY, BORDER_CROSSINGS, VEHICLES)));
    }

    public String approve(String id) {
        return channel.submit(zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, id,
                Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 3, IDENTITY, BORDER_CROSSINGS, VEHICLES)));
    }

    public String approvePartially(String id) {
        return channel.submit(zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, id,
                Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 3, IDENTITY)));
    }

    public String reject(String id) {
        return channel.submit(zhuhaiApprover, (c, ctx) -> c.rejectRequest(ctx, id, "Outside the liaison arrangement"));
    }

    public String deliver(String id) {
        return channel.submit(zhuhaiLiaison, (c, ctx) -> c.recordDelivery(ctx, id, Samples.deliveryJson(id, IDENTITY)));
    }

    public String noMatch(String id) {
        return channel.submit(zhuhaiLiaison, (c, ctx) -> c.recordNoMatch(ctx, id));
    }

    public String receive(String id) {
        return channel.submit(macauLiaison, (c, ctx) -> c.recordReceipt(ctx, id, Samples.packageHash(id)));
    }

    public String access(String id) {
        return channel.submit(macauLiaison, (c, ctx) -> c.recordAccess(ctx, id, "Cross-check with the port log"));
    }

    public String revoke(String id) {
        return channel.submit(zhuhaiApprover, (c, ctx) -> c.revokeGrant(ctx, id, "Case closed by the provider"));
    }

    public String expire(String id) {
        return channel.submit(zhuhaiLiaison, (c, ctx) -> c.expireGrant(ctx, id));
    }

    public String destroy(String id) {
        return channel.submit(macauLiaison, (c, ctx) -> c.recordDestruction(ctx, id, "SECURE_ERASE"));
    }

    /** Creates request {@code id} and moves it into {@code status} by the shortest legal path. */
    public void bringTo(String id, Status status) {
        create(id);
        advance(id, status);
    }

    private void advance(String id, Status status) {
        switch (status) {
            case PENDING -> { }
            case APPROVED -> approve(id);
            case PARTIALLY_APPROVED -> approvePartially(id);
            case REJECTED -> reject(id);
            case DELIVERED -> {
                advance(id, Status.APPROVED);
                deliver(id);
            }
            case RECEIVED -> {
                advance(id, Status.DELIVERED);
                receive(id);
            }
            case ACCESSED -> {
                advance(id, Status.RECEIVED);
                access(id);
            }
            case REVOKED -> {
                advance(id, Status.APPROVED);
                revoke(id);
            }
            case EXPIRED -> {
                advance(id, Status.APPROVED);
                channel.setTime(Samples.EXPIRES_AT.plus(Duration.ofDays(1)));
                expire(id);
            }
            case NO_MATCH -> {
                advance(id, Status.PARTIALLY_APPROVED);
                noMatch(id);
            }
            case DESTROYED -> {
                advance(id, Status.RECEIVED);
                destroy(id);
            }
        }
    }
}
