package org.gbx.client.config;

import java.nio.file.Path;

/**
 * One force (or the committee) as the client sees it: its MSP, its own peer, where its users'
 * enrolment MSP folders live, and (forces only) its exchange node.
 *
 * @param key short name used on the command line ({@code macau}, {@code zhuhai}, {@code oversight})
 * @param exchangeNode null when the config names none (the committee; configs written before nodes existed)
 */
public record Organisation(String key, String mspId, String name, PeerEndpoint peer, Path usersPath,
        ExchangeNodeEndpoint exchangeNode) {

    public Organisation(String key, String mspId, String name, PeerEndpoint peer, Path usersPath) {
        this(key, mspId, name, peer, usersPath, null);
    }

    /** MSP folder of one enrolled user: {@code <usersPath>/<user>/msp}. */
    public Path mspFolder(String user) {
        return usersPath.resolve(user).resolve("msp");
    }
}
