package org.epicontrol.gateway.cost;

import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.GatewayConfig;

/**
 * The demand-control rules that are configuration, not schema ({@code gateway.cost.*}): weights, list sizes and the
 * argument names that size a list. Directives in the supergraph ({@code @cost}, {@code @listSize}) come second to
 * the per-type and per-field entries here and first to the defaults.
 *
 * @param defaultListSize  size assumed for a list without a slicing argument or {@code @listSize(assumedSize:)}
 * @param slicingArguments argument names that bound a list's size when a field declares them ({@code first}, ...)
 * @param sizedFields      child fields a slicing argument sizes when the field itself returns no list (Relay
 *                         connections: {@code notices(first: 10) { edges { ... } }} sizes {@code edges})
 * @param objectWeight     weight of an object, interface or union value
 * @param leafWeight       weight of a scalar or enum value
 * @param mutationWeight   added per root mutation field (a write costs more than a read)
 * @param typeWeights      weight by type name
 * @param fieldWeights     weight by {@code Type.field}, replacing the weight of the field's type
 * @param listSizes        assumed list size by {@code Type.field}
 */
public record CostSettings(int defaultListSize, List<String> slicingArguments, List<String> sizedFields,
                           double objectWeight, double leafWeight, double mutationWeight,
                           Map<String, Double> typeWeights, Map<String, Double> fieldWeights,
                           Map<String, Integer> listSizes) {

    /** The settings of {@code gateway.cost.*}. */
    public static CostSettings of(GatewayConfig.Cost c) {
        return new CostSettings(c.defaultListSize(), c.slicingArguments(), c.sizedFields(), c.objectWeight(),
                c.leafWeight(), c.mutationWeight(), c.typeWeights(), c.fieldWeights(), c.listSizes());
    }

    /** The defaults of {@code gateway.cost} (as in the IBM cost specification and Apollo Router). */
    public static CostSettings defaults() {
        return new CostSettings(10, List.of("first", "last", "limit"), List.of("edges", "nodes"), 1, 0, 10,
                Map.of(), Map.of(), Map.of());
    }

    public CostSettings {
        slicingArguments = List.copyOf(slicingArguments);
        sizedFields = List.copyOf(sizedFields);
        typeWeights = Map.copyOf(typeWeights);
        fieldWeights = Map.copyOf(fieldWeights);
        listSizes = Map.copyOf(listSizes);
    }
}
