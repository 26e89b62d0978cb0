package org.gbx.chaincode;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;

/**
 * Where and how the chaincode server listens, from the environment the network scripts
 * set. TLS is mandatory and mutual: the peer must present a certificate signed by
 * {@code CHAINCODE_TLS_CLIENT_CA_FILE}.
 */
record ServerSettings(InetSocketAddress address, Path certFile, Path keyFile, Path clientCaFile) {
    static final String ADDRESS = "CHAINCODE_SERVER_ADDRESS";
    static final String CERT_FILE = "CHAINCODE_TLS_CERT_FILE";
    static final String KEY_FILE = "CHAINCODE_TLS_KEY_FILE";
    static final String CLIENT_CA_FILE = "CHAINCODE_TLS_CLIENT_CA_FILE";

    static ServerSettings fromEnvironment(Map<String, String> env) {
        return new ServerSettings(address(required(env, ADDRESS)), readableFile(env, CERT_FILE),
                readableFile(env, KEY_FILE), readableFile(env, CLIENT_CA_FILE));
    }

    /** The shim's server enables client authentication exactly when a trust collection is set. */
    ChaincodeServerProperties toProperties() {
        ChaincodeServerProperties properties = new ChaincodeServerProperties();
        properties.setServerAddress(address);
        properties.setTlsEnabled(true);
        properties.setKeyCertChainFile(certFile.toString());
        properties.setKeyFile(keyFile.toString());
        properties.setTrustCertCollectionFile(clientCaFile.toString());
        properties.validate();
        return properties;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException(ADDRESS + " must be host:port, e.g. 127.0.0.1:7060");
        }
        try {
            return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ADDRESS + " has no valid port", e);
        }
    }

    private static Path readableFile(Map<String, String> env, String name) {
        Path file = Path.of(required(env, name));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(name + " names a file that cannot be read: " + file);
        }
        return file;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }
}
