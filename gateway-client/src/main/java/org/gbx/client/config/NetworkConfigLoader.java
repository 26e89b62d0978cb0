package org.gbx.client.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads the connection config: an explicit path, else {@code GBX_CONFIG}, else
 * {@code <repo>/.network/gbx-network.json} found by walking up from the working directory.
 */
public final class NetworkConfigLoader {

    public static final String ENV_VARIABLE = "GBX_CONFIG";
    static final Path DEFAULT_RELATIVE = Path.of(".network", "gbx-network.json");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, String> environment;
    private final Path workingDirectory;

    public NetworkConfigLoader(Map<String, String> environment, Path workingDirectory) {
        this.environment = environment;
        this.workingDirectory = workingDirectory.toAbsolutePath();
    }

    public static NetworkConfigLoader fromProcess() {
        return new NetworkConfigLoader(System.getenv(), Path.of(""));
    }

    public NetworkConfig load(Optional<Path> explicitPath) {
        return read(locate(explicitPath));
    }

    public Path locate(Optional<Path> explicitPath) {
        if (explicitPath.isPresent()) {
            return explicitPath.get();
        }
        String fromEnv = environment.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DEFAULT_RELATIVE))) {
                return dir.resolve(DEFAULT_RELATIVE);
            }
        }
        return workingDirectory.resolve(DEFAULT_RELATIVE);
    }

    public static NetworkConfig read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(ConfigException.Reason.CONFIG_MISSING, path.toString());
        }
        try {
            NetworkConfig config = JSON.readValue(path.toFile(), NetworkConfig.class);
            if (config.channel() == null || config.chaincode() == null || config.organisations().isEmpty()) {
                throw new ConfigException(ConfigException.Reason.CONFIG_UNREADABLE, path.toString(),
                        "channel, chaincode and organisations are required");
            }
            return config;
        } catch (IOException e) {
            throw new ConfigException(ConfigException.Reason.CONFIG_UNREADABLE, e, path.toString(), e.getMessage());
        }
    }
}
