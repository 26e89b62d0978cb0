package org.gbx.client.config;

import java.nio.file.Path;

/**
 * One force (or the committee) as the client sees it: its MSP, its own peer, where its users'
 * enrolment MSP folders live, and (forces only) its exchange node.
 *
 * <p>A force's own config holds its own users; the other organisations appear with their public
 * parts only (peer, exchange node endpoint, MSP with CA certificates), as imported on its host.
 *
 * @param key short name used on the command line ({@code macau}, {@code zhuhai}, {@code oversight})
 * @param usersPath null for another organisation, whose users' keys are never on this host
 * @param exchangeNode null when the config names none (the committee; configs written before nodes existed)
 * @param mspPath the organisation's MSP as the channel knows it ({@code cacerts/}, {@code tlscacerts/});
 *     null: {@code <usersPath>/../msp}
 */
public record Organisation(String key, String mspId, String name, PeerEndpoint peer, Path usersPath,
        ExchangeNodeEndpoint exchangeNode, Path mspPath) {

    public Organisation(String key, String mspId, String name, PeerEndpoint peer, Path usersPath) {
        this(key, mspId, name, peer, usersPath, null, null);
    }

    public Organisation {
        if (mspPath == null && usersPath != null) {
            mspPath = usersPath.toAbsolutePath().getParent().resolve("msp");
        }
    }

    /** MSP folder of one enrolled user: {@code <usersPath>/<user>/msp}. */
    public Path mspFolder(String user) {
        Path users = usersPath != null ? usersPath : mspPath.toAbsolutePath().getParent().resolve("users");
        return users.resolve(user).resolve("msp");
    }
}
