package org.gbx.client.records;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Another process (an exchange node, or a seeding run) already acts on this data folder. */
public final class DataFolderInUseException extends RuntimeException {

    private static final Pattern PID = Pattern.compile("pid (\\d+) (.*) since (\\S+)");

    private final Path folder;
    private final String holder;

    DataFolderInUseException(Path folder, String holder) {
        super("the data folder " + folder + " is in use: " + holder);
        this.folder = folder;
        this.holder = holder;
    }

    public Path folder() {
        return folder;
    }

    /** The holder's pid, as it wrote it into the lock file. */
    public OptionalLong pid() {
        Matcher m = PID.matcher(holder);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** What holds it ("exchange node", "records seed"), as it described itself. */
    public String what() {
        Matcher m = PID.matcher(holder);
        return m.matches() ? m.group(2) : holder;
    }
}
