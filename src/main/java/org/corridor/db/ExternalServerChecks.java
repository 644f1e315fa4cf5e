package org.corridor.db;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.corridor.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Corridor checks of an external PostgreSQL server before it trusts it with the books: that
 * its role is no superuser (who could switch off the append-only triggers with {@code
 * session_replication_role} or {@code alter table ... disable trigger}), and that a server on
 * another machine is reached over verified TLS.
 */
final class ExternalServerChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalServerChecks.class);

    private ExternalServerChecks() {}

    /**
     * @throws ForbiddenException DATABASE_ROLE_IS_SUPERUSER unless the settings allow it
     */
    static void refuseSuperuser(DataSource pool, DatabaseSettings.External settings) {
        boolean superuser;
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
            superuser = rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rights of the database role: " + e.getMessage(), e);
        }
        if (!superuser) {
            return;
        }
        if (!settings.superuserAllowed()) {
            throw new ForbiddenException(
                    "DATABASE_ROLE_IS_SUPERUSER",
                    "the database role " + settings.user() + " is a superuser, who can switch off the audit"
                            + " trail's protections; use a role without superuser rights (docs/reliability.md)"
                            + " or set CORRIDOR_DB_ALLOW_SUPERUSER=true");
        }
        LOG.warn("running as the superuser role {} because CORRIDOR_DB_ALLOW_SUPERUSER is set", settings.user());
    }

    /**
     * Warns when a server on another machine is reached without verified TLS; a URL may name several
     * hosts (a primary and its standbys, {@code jdbc:postgresql://a:5432,b:5432/corridor}).
     */
    static void warnWithoutTls(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        String prefix = "jdbc:postgresql://";
        if (!lower.startsWith(prefix) || lower.contains("sslmode=verify-full")) {
            return;
        }
        String rest = jdbcUrl.substring(prefix.length());
        int end = rest.indexOf('/');
        String hosts = end < 0 ? rest : rest.substring(0, end);
        for (String hostAndPort : hosts.split(",")) {
            String host;
            try {
                host = URI.create("postgresql://" + hostAndPort + "/").getHost();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (host != null && !host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
                LOG.warn(
                        "the database at {} is reached without sslmode=verify-full: its identity is not verified",
                        host);
            }
        }
    }
}
