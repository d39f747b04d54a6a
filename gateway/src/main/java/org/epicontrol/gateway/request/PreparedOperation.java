package org.epicontrol.gateway.request;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.plan.QueryPlan;

/**
 * A parsed, validated and planned operation, or the request errors that stopped it. Cached per (query text,
 * operation name) for one supergraph version.
 */
public record PreparedOperation(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                                QueryPlan plan, List<Map<String, Object>> errors) {

    public static PreparedOperation failed(List<Map<String, Object>> errors) {
        return new PreparedOperation(null, Map.of(), null, errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
