package org.epicontrol.gateway.identity;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.gateway.GatewayConfig;

/** The one {@link VerifiedTokenCache} of the gateway, or none when {@code gateway.token-cache.enabled=false}. */
@ApplicationScoped
public class TokenCacheHolder {
    private final VerifiedTokenCache cache;

    public TokenCacheHolder(GatewayConfig config) {
        GatewayConfig.TokenCache settings = config.tokenCache();
        this.cache = settings.enabled() ? new VerifiedTokenCache(settings.ttl(), settings.maxSize(),
                Ticker.systemTicker()) : null;
    }

    VerifiedTokenCache cache() {
        return cache;
    }
}
