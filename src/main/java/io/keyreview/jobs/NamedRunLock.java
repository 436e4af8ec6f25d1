package io.keyreview.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.keyreview.support.Sha256;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run lock on MySQL or MariaDB: a named lock ({@code GET_LOCK}) on a connection of its
 * own, named after the database and the job, because named locks are server-wide. The
 * server frees it when the session ends, so the session is kept from idling out
 * ({@code wait_timeout}) by a check, well within that timeout, that it still holds the
 * lock.
 */
final class NamedRunLock implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(NamedRunLock.class);

	/** MySQL refuses longer lock names. */
	private static final int LONGEST_NAME = 64;

	private static final Duration LONGEST_CHECK_INTERVAL = Duration.ofMinutes(1);

	private static final Duration SHORTEST_CHECK_INTERVAL = Duration.ofMillis(500);

	private final Connection connection;

	private final String name;

	private final ScheduledExecutorService keepAlive;

	private boolean lost;

	private NamedRunLock(Connection connection, String name, Duration checkInterval) {
		this.connection = connection;
		this.name = name;
		this.keepAlive = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "keyreview-run-lock");
			thread.setDaemon(true);
			return thread;
		});
		this.keepAlive.scheduleWithFixedDelay(this::check, checkInterval.toMillis(), checkInterval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Takes the lock of a job in the connection's database, or closes the connection and
	 * returns {@code null} while another session holds it.
	 */
	static @Nullable NamedRunLock tryTake(Connection connection, String jobName) throws SQLException {
		String name = name(queryString(connection, "SELECT DATABASE()"), jobName);
		boolean locked;
		try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			lock.setString(1, name);
			try (ResultSet result = lock.executeQuery()) {
				locked = result.next() && result.getInt(1) == 1;
			}
		}
		if (!locked) {
			connection.close();
			return null;
		}
		String waitTimeout = queryString(connection, "SELECT @@SESSION.wait_timeout");
		return new NamedRunLock(connection, name, checkInterval(waitTimeout));
	}

	/**
	 * {@code keyreview.<database>.<job>}; with a hash of the database's name where the
	 * whole would be too long.
	 */
	static String name(@Nullable String database, String jobName) {
		String schema = (database != null) ? database : "";
		String name = "keyreview." + schema + "." + jobName;
		return (name.length() <= LONGEST_NAME) ? name
				: "keyreview." + Sha256.hex(schema).substring(0, 16) + "." + jobName;
	}

	/** A third of the server's idle timeout, within bounds. */
	private static Duration checkInterval(@Nullable String waitTimeoutSeconds) {
		Duration interval = LONGEST_CHECK_INTERVAL;
		if (waitTimeoutSeconds != null) {
			interval = Duration.ofMillis((long) (Double.parseDouble(waitTimeoutSeconds) * 1000 / 3));
		}
		if (interval.compareTo(LONGEST_CHECK_INTERVAL) > 0) {
			return LONGEST_CHECK_INTERVAL;
		}
		return (interval.compareTo(SHORTEST_CHECK_INTERVAL) < 0) ? SHORTEST_CHECK_INTERVAL : interval;
	}

	private synchronized void check() {
		if (this.lost) {
			return;
		}
		String holder;
		try (PreparedStatement check = this.connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
			check.setString(1, this.name);
			try (ResultSet result = check.executeQuery()) {
				holder = (result.next() && result.getInt(1) == 1) ? null : "another session holds it, or none";
			}
		}
		catch (SQLException ex) {
			holder = "its connection failed: " + ex.getMessage().lines().findFirst().orElse("");
		}
		if (holder != null) {
			this.lost = true;
			logger.error("The run lock {} was lost ({}); another run of this job may start while this one runs",
					this.name, holder);
		}
	}

	@Override
	public synchronized void close() throws SQLException {
		this.keepAlive.shutdownNow();
		try (this.connection; PreparedStatement release = this.connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			release.setString(1, this.name);
			release.executeQuery().close();
		}
	}

	private static @Nullable String queryString(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			return result.next() ? result.getString(1) : null;
		}
	}

}
