package org.gbx.client.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;

/**
 * Who the channel configuration trusts: every organisation's MSP certificates, and which of them
 * run the ordering service. Taken from a config block, and replaced when a later config block
 * changes the channel.
 */
public record ChannelTrust(long configBlock, Map<String, MspCertificates> msps, Set<String> ordererMspIds) {

    private static final int FABRIC_MSP_TYPE = 0;

    public ChannelTrust {
        msps = Map.copyOf(msps);
        ordererMspIds = Set.copyOf(ordererMspIds);
    }

    public static ChannelTrust from(Config config, long configBlock) {
        Map<String, MspCertificates> msps = new TreeMap<>();
        Set<String> orderers = new TreeSet<>();
        ConfigGroup channel = config.getChannelGroup();
        for (Map.Entry<String, ConfigGroup> section : channel.getGroupsMap().entrySet()) {
            for (ConfigGroup organisation : section.getValue().getGroupsMap().values()) {
                ConfigValue mspValue = organisation.getValuesMap().get("MSP");
                if (mspValue == null) {
                    continue;
                }
                MspCertificates msp = readMsp(mspValue.getValue());
                msps.put(msp.mspId(), msp);
                if (section.getKey().equals("Orderer")) {
                    orderers.add(msp.mspId());
                }
            }
        }
        return new ChannelTrust(configBlock, msps, orderers);
    }

    private static MspCertificates readMsp(ByteString value) {
        try {
            MSPConfig mspConfig = MSPConfig.parseFrom(value);
            if (mspConfig.getType() != FABRIC_MSP_TYPE) {
                throw new IllegalArgumentException("the channel config holds an MSP of type " + mspConfig.getType()
                        + " (only X.509 Fabric MSPs are supported)");
            }
            FabricMSPConfig fabric = FabricMSPConfig.parseFrom(mspConfig.getConfig());
            return new MspCertificates(fabric.getName(), certificates(fabric.getRootCertsList()),
                    certificates(fabric.getIntermediateCertsList()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the channel config holds an unreadable MSP definition", e);
        }
    }

    static List<X509Certificate> certificates(List<ByteString> pems) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (ByteString pem : pems) {
            certificates.add(certificate(pem.toByteArray()));
        }
        return certificates;
    }

    /** Parses one PEM (or DER) certificate, as Fabric stores them in configs and identities. */
    static X509Certificate certificate(byte[] encoded) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable X.509 certificate", e);
        }
    }
}
