package dev.floe.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.floe.config.DatabaseSettings;

/**
 * Lets one process at a time change a database's schema, around Liquibase's own lock. Liquibase's lock is a row in
 * a table it creates and fills on first use, and processes starting together on an empty database can each find the
 * table empty and reset one another's lock; on the embedded database, the process that opened the file also serves
 * it to the others and takes their sessions with it when it exits. So: on PostgreSQL, a session advisory lock; on H2,
 * an operating-system lock on a file beside the database, held until the process has closed the database.
 * Threads of one process (two application contexts starting together) queue on an in-process lock first, since an
 * operating-system file lock is held by the whole process.
 */
final class MigrationGate implements AutoCloseable {

    /** "FloeMigr" as a number: the advisory lock every Floe process agrees on. */
    private static final long ADVISORY_KEY = 0x466c6f654d696772L;

    /** One lock per database for the threads of this process. */
    private static final ConcurrentMap<String, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock inProcess;
    private final Connection postgres;
    private final FileChannel file;
    private final FileLock lock;

    private MigrationGate(ReentrantLock inProcess, Connection postgres, FileChannel file, FileLock lock) {
        this.inProcess = inProcess;
        this.postgres = postgres;
        this.file = file;
        this.lock = lock;
    }

    /** Waits until no other process is migrating this database, then holds the gate until {@link #close()}. */
    static MigrationGate enter(DatabaseSettings database) {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(database.jdbcUrl(), url -> new ReentrantLock());
        inProcess.lock();
        try {
            return enter(database, inProcess);
        } catch (RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    private static MigrationGate enter(DatabaseSettings database, ReentrantLock inProcess) {
        if (database.postgres()) {
            try {
                Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
                }
                return new MigrationGate(inProcess, connection, null, null);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach the database (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD): " + e.getMessage());
            }
        }
        Path lockFile = Path.of(database.jdbcUrl().substring("jdbc:h2:file:".length()).replaceFirst(";.*$", "") + ".migrating.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new MigrationGate(inProcess, null, channel, channel.lock());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (postgres != null) {
                // Closing the session lets go of its advisory lock.
                postgres.close();
            } else {
                lock.release();
                file.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inProcess.unlock();
        }
    }
}
