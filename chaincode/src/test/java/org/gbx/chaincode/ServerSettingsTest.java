package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {
    @TempDir
    Path dir;

    private Map<String, String> environment() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:7060");
        env.put("CHAINCODE_TLS_CERT_FILE", Files.writeString(dir.resolve("server.pem"), "cert").toString());
        env.put("CHAINCODE_TLS_KEY_FILE", Files.writeString(dir.resolve("server.key"), "key").toString());
        env.put("CHAINCODE_TLS_CLIENT_CA_FILE", Files.writeString(dir.resolve("peer-ca.pem"), "ca").toString());
        return env;
    }

    @Test
    void the_server_requires_tls_with_the_peer_client_ca_as_trust_collection() throws IOException {
        ChaincodeServerProperties properties = ServerSettings.fromEnvironment(environment()).toProperties();

        assertThat(properties.isTlsEnabled()).isTrue();
        assertThat(properties.getTrustCertCollectionFile()).isEqualTo(dir.resolve("peer-ca.pem").toString());
        assertThat(properties.getKeyFile()).isEqualTo(dir.resolve("server.key").toString());
        assertThat(properties.getServerAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 7060));
    }

    @Test
    void a_missing_client_ca_stops_the_server_before_it_listens() throws IOException {
        Map<String, String> env = environment();
        env.remove("CHAINCODE_TLS_CLIENT_CA_FILE");

        assertThatThrownBy(() -> ServerSettings.fromEnvironment(env))
                .hasMessageContaining("CHAINCODE_TLS_CLIENT_CA_FILE must be set");
    }

    @Test
    void an_unreadable_key_file_and_an_address_without_port_are_refused() throws IOException {
        Map<String, String> env = environment();
        env.put("CHAINCODE_TLS_KEY_FILE", dir.resolve("absent.key").toString());
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(env)).hasMessageContaining("CHAINCODE_TLS_KEY_FILE");

        Map<String, String> noPort = environment();
        noPort.put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1");
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(noPort)).hasMessageContaining("host:port");
    }
}
