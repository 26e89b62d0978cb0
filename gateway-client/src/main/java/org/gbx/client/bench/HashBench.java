package org.gbx.client.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.gbx.client.config.NetworkConfigLoader;
import org.gbx.client.delivery.DeliveryPackage;
import org.gbx.client.delivery.ManifestSigner;
import org.gbx.client.delivery.PackageBuilder;
import org.gbx.client.identity.UserIdentity;
import org.gbx.client.model.DataCategory;
import org.gbx.client.records.IdType;
import org.gbx.client.records.MacauIdNumber;
import org.gbx.client.records.SourceRecord;
import org.gbx.client.records.Subject;

/**
 * Package hashing as a sending node does it: {@link PackageBuilder} over one CCTV record whose clip
 * is FILE, signed as Zhuhai's liaison (1 MiB chunk leaves, Merkle root, canonical manifest, CMS signature). Prints
 * {@code HASH seconds=... mib_per_s=...}. Usage: {@code HashBench CONFIG FILE WORK_FOLDER
 * FILE_SHA256} (the clip's hash as the force's database holds it from seeding).
 */
public final class HashBench {

    private HashBench() {
    }

    public static void main(String[] args) throws Exception {
        UserIdentity sender = UserIdentity.load(NetworkConfigLoader.read(Path.of(args[0])).requireOrganisation("zhuhai"),
                "liaison1");
        Path clip = Path.of(args[1]);
        Path work = Path.of(args[2]);
        long size = Files.size(clip);
        ManifestSigner signer = new ManifestSigner(sender.privateKey(), sender.certificate());
        Subject subject = new Subject(IdType.MACAU_BIR, MacauIdNumber.random(new Random(1)));
        var fields = new TreeMap<String, Object>();
        fields.put("size_bytes", size);
        fields.put("sha256", args[3]);
        SourceRecord record = new SourceRecord(DataCategory.CCTV, "BENCH-CLIP", subject, fields,
                Optional.of(new SourceRecord.Clip(clip, size, args[3])));
        var addressing = new PackageBuilder.Addressing("bench-hash", "ZhuhaiPSBMSP", "MacauPJMSP", List.of("CCTV"));
        long start = System.nanoTime();
        DeliveryPackage built = new PackageBuilder(signer, PackageBuilder.DEFAULT_CHUNK_SIZE)
                .build(addressing, List.of(record), work.resolve("package"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "HASH seconds=%.2f mib_per_s=%.0f leaves=%d%n", seconds,
                size / 1048576.0 / seconds, built.entryCount());
    }
}
