package org.gbx.client.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {

    @TempDir
    Path dir;

    @Test
    void a_second_holder_is_refused_with_the_first_ones_pid() {
        DataHome home = new DataHome(dir);
        try (DataFolderLock first = DataFolderLock.acquire(home, "exchange node")) {
            DataFolderInUseException refused = catchThrowableOfType(DataFolderInUseException.class,
                    () -> DataFolderLock.acquire(home, "records seed"));

            assertThat(refused).isNotNull();
            assertThat(refused.pid()).hasValue(ProcessHandle.current().pid());
            assertThat(refused.what()).isEqualTo("exchange node");
        }
    }

    @Test
    void the_folder_is_free_again_once_released() {
        DataHome home = new DataHome(dir);
        DataFolderLock.acquire(home, "exchange node").close();

        try (DataFolderLock again = DataFolderLock.acquire(home, "records seed")) {
            assertThat(again).isNotNull();
        }
    }
}
