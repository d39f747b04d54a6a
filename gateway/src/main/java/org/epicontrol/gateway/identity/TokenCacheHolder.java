package org.epicontrol.gateway.identity;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.epicontrol.gateway.GatewayConfig;

/** The one {@link VerifiedTokenCache} of the gateway, or none when {@code gateway.token-cache.enabled=false}. */
@ApplicationScoped
public class TokenCacheHolder {
    private final VerifiedTokenCache cache;

    @Inject
    public TokenCacheHolder(GatewayConfig config) {
        this(of(config.tokenCache()));
    }

    TokenCacheHolder(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    private static VerifiedTokenCache of(GatewayConfig.TokenCache settings) {
        return settings.enabled() ? new VerifiedTokenCache(settings.ttl(), settings.maxSize(), Ticker.systemTicker())
                : null;
    }

    public VerifiedTokenCache cache() {
        return cache;
    }
}
