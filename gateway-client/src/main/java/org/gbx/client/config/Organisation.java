package org.gbx.client.config;

import java.nio.file.Path;

/**
 * One force (or the committee) as the client sees it: its MSP, its own peer, and where its
 * users' enrolment MSP folders live.
 *
 * @param key short name used on the command line ({@code macau}, {@code zhuhai}, {@code oversight})
 */
public record Organisation(String key, String mspId, String name, PeerEndpoint peer, Path usersPath) {

    /** MSP folder of one enrolled user: {@code <usersPath>/<user>/msp}. */
    public Path mspFolder(String user) {
        return usersPath.resolve(user).resolve("msp");
    }
}
