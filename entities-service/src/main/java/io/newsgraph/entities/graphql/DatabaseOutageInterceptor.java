package io.newsgraph.entities.graphql;

import io.newsgraph.service.DatabaseFailures;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

/**
 * One place for every resolver: without it a lost connection reaches clients as a code derived from a JDBC exception's
 * class name ("generic-j-d-b-c"), which no client can act on.
 */
@ReportsDatabaseOutages
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DatabaseOutageInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageInterceptor.class);

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.warnf("database unavailable: %s", e.getMessage());
                throw new DatabaseUnavailableException();
            }
            throw e;
        }
    }
}
