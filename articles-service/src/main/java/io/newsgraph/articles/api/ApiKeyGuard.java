package io.newsgraph.articles.api;

import io.newsgraph.articles.config.ArticlesConfig;
import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Decides whether a write may proceed. The key comes as {@code Authorization: Bearer <key>} (what the gateway
 * forwards) or {@code X-Api-Key}. With no key configured every write is refused: there is no default key.
 */
@ApplicationScoped
public class ApiKeyGuard {

    private final ArticlesConfig config;

    public ApiKeyGuard(ArticlesConfig config) {
        this.config = config;
    }

    public void check(String authorization, String apiKeyHeader) {
        String expected = config.apiKey().filter(k -> !k.isBlank()).orElse(null);
        if (expected == null) {
            throw new ArticleException(ErrorCode.UNAUTHORIZED,
                    "writes are disabled: no API key is configured (newsgraph.articles.api-key)");
        }
        String presented = apiKeyHeader;
        if ((presented == null || presented.isBlank()) && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).strip();
        }
        if (presented == null || presented.isBlank()) {
            throw new ArticleException(ErrorCode.UNAUTHORIZED,
                    "this operation needs the API key (Authorization: Bearer <key> or X-Api-Key)");
        }
        // Constant-time comparison: the time taken says nothing about how much of the key matched.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ArticleException(ErrorCode.UNAUTHORIZED, "the API key is not valid");
        }
    }
}
