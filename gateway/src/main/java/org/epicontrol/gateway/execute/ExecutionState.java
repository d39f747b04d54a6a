package org.epicontrol.gateway.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw result of running a plan: subgraph data merged by response key, and errors with client paths. Only the
 * request's own Vert.x context touches it, so it needs no locking.
 */
public final class ExecutionState {
    final Map<String, Object> data;
    /** Which parts of {@code data} are shared with other requests (copy-on-write), one per data tree. */
    final SharedParts shared;
    final List<Map<String, Object>> errors = new ArrayList<>();
    /** Requests sent per subgraph name (for tests and debugging). */
    final Map<String, Integer> requests = new LinkedHashMap<>();

    public ExecutionState() {
        this(new LinkedHashMap<>());
    }

    /** A state that merges into {@code data} (nothing else merges into it but through {@link #sameData()}). */
    public ExecutionState(Map<String, Object> data) {
        this(data, new SharedParts());
    }

    private ExecutionState(Map<String, Object> data, SharedParts shared) {
        this.data = data;
        this.shared = shared;
    }

    /**
     * A state that merges into this state's data, with errors of its own: a deferred fragment's plan filling the
     * objects the primary plan fetched. (Every state over one data tree must come from the same state, so that they
     * agree on which of its parts are shared with other requests.)
     */
    public ExecutionState sameData() {
        return new ExecutionState(data, shared);
    }

    public Map<String, Object> data() {
        return data;
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }

    public Map<String, Integer> requests() {
        return requests;
    }
}
