package org.gbx.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkConfigLoaderTest {

    static final String DOCUMENTED_EXAMPLE = """
            {"channel":"gba-exchange","chaincode":"exchange",
             "organisations":[
              {"key":"macau","mspId":"MacauPJMSP","name":"Macau Judiciary Police",
               "peer":{"endpoint":"127.0.0.1:7051","tlsRootCertPath":"/gbx/orgs/macau/tlsca.pem"},
               "usersPath":"/gbx/orgs/macau/users"},
              {"key":"zhuhai","mspId":"ZhuhaiPSBMSP","name":"Zhuhai PSB",
               "peer":{"endpoint":"127.0.0.1:8051","tlsRootCertPath":"/gbx/orgs/zhuhai/tlsca.pem"},
               "usersPath":"/gbx/orgs/zhuhai/users"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void reads_the_documented_format() throws IOException {
        Path file = write(dir.resolve("gbx-network.json"), DOCUMENTED_EXAMPLE);

        NetworkConfig config = NetworkConfigLoader.read(file);

        assertThat(config.channel()).isEqualTo("gba-exchange");
        assertThat(config.chaincode()).isEqualTo("exchange");
        Organisation zhuhai = config.requireOrganisation("zhuhai");
        assertThat(zhuhai.mspId()).isEqualTo("ZhuhaiPSBMSP");
        assertThat(zhuhai.peer().endpoint()).isEqualTo("127.0.0.1:8051");
        assertThat(zhuhai.peer().host()).isEqualTo("127.0.0.1");
        assertThat(zhuhai.mspFolder("liaison1")).isEqualTo(Path.of("/gbx/orgs/zhuhai/users/liaison1/msp"));
        assertThat(config.organisationByMsp("MacauPJMSP")).map(Organisation::key).contains("macau");
        assertThat(config.defaults().org()).isNull();
    }

    @Test
    void reads_optional_defaults() throws IOException {
        Path file = write(dir.resolve("c.json"),
                DOCUMENTED_EXAMPLE.replace("\"chaincode\":\"exchange\",",
                        "\"chaincode\":\"exchange\",\"defaults\":{\"org\":\"zhuhai\",\"user\":\"approver1\"},"));

        assertThat(NetworkConfigLoader.read(file).defaults()).isEqualTo(new ConnectionDefaults("zhuhai", "approver1"));
    }

    @Test
    void an_explicit_path_wins_over_the_environment() {
        NetworkConfigLoader loader = new NetworkConfigLoader(Map.of("GBX_CONFIG", "/from/env.json"), dir);

        assertThat(loader.locate(Optional.of(Path.of("/explicit.json")))).isEqualTo(Path.of("/explicit.json"));
        assertThat(loader.locate(Optional.empty())).isEqualTo(Path.of("/from/env.json"));
    }

    @Test
    void without_path_or_environment_finds_the_repository_config_from_a_subfolder() throws IOException {
        Path config = write(dir.resolve(".network").resolve("gbx-network.json"), DOCUMENTED_EXAMPLE);
        Path subfolder = Files.createDirectories(dir.resolve("gateway-client").resolve("src"));

        assertThat(new NetworkConfigLoader(Map.of(), subfolder).locate(Optional.empty())).isEqualTo(config);
    }

    @Test
    void a_missing_file_is_reported_with_its_path() {
        Path missing = dir.resolve("none.json");

        assertThatThrownBy(() -> NetworkConfigLoader.read(missing))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConfigException.Reason.CONFIG_MISSING);
                    assertThat(e.arguments()).containsExactly(missing.toString());
                });
    }

    @Test
    void a_file_without_organisations_is_unreadable() throws IOException {
        Path file = write(dir.resolve("c.json"), "{\"channel\":\"gba-exchange\",\"chaincode\":\"exchange\"}");

        assertThatThrownBy(() -> NetworkConfigLoader.read(file))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConfigException.Reason.CONFIG_UNREADABLE));
    }

    @Test
    void an_unknown_organisation_names_the_known_ones() throws IOException {
        NetworkConfig config = NetworkConfigLoader.read(write(dir.resolve("c.json"), DOCUMENTED_EXAMPLE));

        assertThatThrownBy(() -> config.requireOrganisation("hongkong"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.arguments()).containsExactly("hongkong", "macau, zhuhai"));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
