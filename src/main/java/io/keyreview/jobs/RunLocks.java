package io.keyreview.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import io.keyreview.support.KeyreviewProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One lock per job, held by the process that runs it for as long as it runs: on MySQL and
 * MariaDB a named lock per database and job ({@link NamedRunLock}), which the server
 * frees when the process dies; on the embedded H2 database an OS file lock under
 * {@code <out>/locks/}, which the OS frees when the process dies. A run that holds the
 * lock knows that an execution the repository still shows as running is a crashed one.
 */
@Component
class RunLocks {

	private final DataSource dataSource;

	private final Path folder;

	RunLocks(DataSource dataSource, KeyreviewProperties properties) {
		this.dataSource = dataSource;
		this.folder = properties.out().resolve("locks");
	}

	/** The lock of a job, or {@code null} while another process holds it. */
	@Nullable AutoCloseable tryLock(String jobName) {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot take the run lock of " + jobName, ex);
		}
		try {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("mysql") || product.contains("mariadb")) {
				return NamedRunLock.tryTake(connection, jobName);
			}
			connection.close();
			return fileLock(this.folder.resolve(jobName + ".lock"));
		}
		catch (SQLException | RuntimeException ex) {
			closeAfterFailure(connection, ex);
			throw (ex instanceof RuntimeException runtime) ? runtime
					: new DataAccessResourceFailureException("Cannot take the run lock of " + jobName, ex);
		}
	}

	private static void closeAfterFailure(Connection connection, Exception failure) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static @Nullable AutoCloseable fileLock(Path file) {
		try {
			Files.createDirectories(file.getParent());
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				return null;
			}
			FileLock held = lock;
			return () -> {
				try (channel) {
					held.release();
				}
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot take the run lock " + file, ex);
		}
	}

}
