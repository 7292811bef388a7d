package dev.canopy.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code canopy.lock} in the data directory, held while Canopy runs. The system releases
 * it when the process ends in any way, {@code kill -9} included, so holding it proves that no other Canopy uses the
 * directory and that a PostgreSQL still running on it was left behind by a Canopy that died.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock.
     *
     * @throws IllegalStateException if another process, or this one, has taken it already
     */
    static DataDirectoryLock acquire(Path dataDirectory) {
        Path file = dataDirectory.resolve("canopy.lock");
        try {
            Files.createDirectories(dataDirectory);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another Canopy runs with the data directory " + dataDirectory
                        + ". Stop it first, or set canopy.data-dir to another directory.");
            }
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
