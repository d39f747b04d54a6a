package org.epicontrol.gateway.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small LRU map: prepared operations are cheap to keep and costly to rebuild, but clients may send any text. */
public final class BoundedCache<K, V> {
    private final Map<K, V> map;

    public BoundedCache(int maxSize) {
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxSize;
            }
        };
    }

    /** The entry when present, else null (nothing computed). */
    public V peek(K key) {
        synchronized (map) {
            return map.get(key);
        }
    }

    public V get(K key, Function<K, V> compute) {
        synchronized (map) {
            V v = map.get(key);
            if (v != null) {
                return v;
            }
        }
        // Computed outside the lock: two threads may compute the same entry once, which is harmless.
        V v = compute.apply(key);
        synchronized (map) {
            map.put(key, v);
        }
        return v;
    }

    public int size() {
        synchronized (map) {
            return map.size();
        }
    }
}
