package org.epicontrol.gateway.execute;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * A subgraph answer that several requests received at once (one deduplicated fetch): nobody may change it or
 * anything in it. The executor merges into its own copies of the parts it writes ({@link SharedParts}), so no request
 * pays for a copy of the whole answer and none sees another's merges.
 */
public final class SharedAnswer extends AbstractMap<String, Object> {
    private final Map<String, Object> answer;

    SharedAnswer(Map<String, Object> answer) {
        this.answer = answer;
    }

    @Override
    public Object get(Object key) {
        return answer.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return answer.containsKey(key);
    }

    @Override
    public int size() {
        return answer.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(answer).entrySet();
    }
}
