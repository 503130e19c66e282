package dev.floe.config;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to drop a connection whose embedded-database server went away.
 *
 * <p>The pool evicts connections on SQL states of class 08 (PostgreSQL's driver reports a lost server so). H2's
 * network client reports it as 90121 ("database is closed") or 90067 ("connection is broken"), which the pool would
 * keep handing out. Idle connections are tested before use, but the search outbox uses one every 100 ms, so without
 * this a connection broken once stays broken and the instance never turns ready again.
 */
public final class LostH2Connections implements SQLExceptionOverride {

    private static final int CONNECTION_BROKEN = 90067;
    private static final int DATABASE_CLOSED = 90121;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (sql.getErrorCode() == CONNECTION_BROKEN || sql.getErrorCode() == DATABASE_CLOSED)) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
