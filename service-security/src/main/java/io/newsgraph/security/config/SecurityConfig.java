package io.newsgraph.security.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Access settings shared by every service ({@code NEWSGRAPH_SECURITY_ANONYMOUS_READ}). How tokens are verified is
 * set by smallrye-jwt's own settings: {@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.issuer},
 * {@code mp.jwt.verify.audiences}, {@code smallrye.jwt.path.groups}.
 */
@ConfigMapping(prefix = "newsgraph.security")
public interface SecurityConfig {

    /** Whether callers without a token may run queries and REST reads. Writes need a token unless {@link #anonymousWrite()}. */
    @WithDefault("true")
    boolean anonymousRead();

    /**
     * Whether callers without a token (or without role {@code editor}) may run mutations and REST writes. Only for
     * closed test rigs whose clients send no tokens, such as a federation conformance run; never in production.
     */
    @WithDefault("false")
    boolean anonymousWrite();
}
