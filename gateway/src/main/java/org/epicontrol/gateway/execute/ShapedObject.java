package org.epicontrol.gateway.execute;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One object of a shaped response: its response keys in the client's order and their values, in two arrays. The
 * shaper builds one per object of the answer, so this is the most allocated thing on the request path: no entry
 * object and no hash table per key, the keys' array shared by every object shaped from the same selection. Lookups
 * are linear, which is faster than hashing for the few keys an object has; it is an ordinary {@code Map} for
 * everything else (equality with other maps included).
 */
public final class ShapedObject extends AbstractMap<String, Object> {
    private String[] keys;
    private Object[] values;
    private int size;
    /** Whether {@code keys} is still the shared array (copied before an unforeseen key is added). */
    private boolean sharedKeys;

    /** An object that will usually hold {@code keys} in their order (the array is shared, not copied). */
    ShapedObject(String[] keys) {
        this.keys = keys;
        this.values = new Object[keys.length];
        this.sharedKeys = true;
    }

    private ShapedObject(String[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /**
     * A writable copy of {@code map} with room for {@code room} more keys: the executor's copy of a shared subgraph
     * object it merges into (two arrays instead of an entry per key and a hash table).
     */
    static ShapedObject copyOf(Map<?, ?> map, int room) {
        int n = map.size();
        String[] keys = new String[n + room];
        Object[] values = new Object[n + room];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            keys[i] = (String) e.getKey();
            values[i++] = e.getValue();
        }
        return new ShapedObject(keys, values, i);
    }

    /** Adds {@code key}: appended in place when it is the next of the shared keys (the shaper's usual case). */
    void add(String key, Object value) {
        if (sharedKeys && size < keys.length && keys[size] == key) {
            values[size++] = value;
        } else {
            put(key, value);
        }
    }

    /** The key at {@code i} (fast iteration for writers). */
    public String keyAt(int i) {
        return keys[i];
    }

    public Object valueAt(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return size;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object put(String key, Object value) {
        int i = indexOf(key);
        if (i >= 0) {
            Object old = values[i];
            values[i] = value;
            return old;
        }
        if (sharedKeys || size == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(4, size * 2));
            sharedKeys = false;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, keys.length);
        }
        keys[size] = key;
        values[size++] = value;
        return null;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
