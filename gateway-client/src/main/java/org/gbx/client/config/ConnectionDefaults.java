package org.gbx.client.config;

/**
 * Optional {@code "defaults"} in the connection config: the organisation and user gbx acts as
 * when neither {@code --org}/{@code --user} nor {@code GBX_ORG}/{@code GBX_USER} say otherwise.
 * A force's installation typically names its own organisation here.
 */
public record ConnectionDefaults(String org, String user) {
}
