package org.epicontrol.gateway.request;

import java.util.LinkedHashMap;
import java.util.Map;
import org.epicontrol.gateway.cost.OperationAnalysis;
import org.epicontrol.gateway.execute.Errors;

/**
 * Size limits of a document, checked on its analysis (counted through fragment spreads, in linear time) before
 * validation and planning: depth, aliases, and field selections once fragments are expanded (what validation and
 * planning work through; bounds graphql-java's super-linear overlapping-fields check on fragment bombs).
 */
public record OperationLimits(int maxDepth, int maxAliases, int maxQueryBytes, int maxTokens, int maxFields) {

    /** The error of the first exceeded limit, or null. */
    public Map<String, Object> check(OperationAnalysis analysis) {
        if (analysis.depth() > maxDepth) {
            return exceeded("operation depth " + analysis.depth() + " exceeds the limit of " + maxDepth,
                    "MAX_DEPTH_EXCEEDED", analysis.depth(), maxDepth);
        }
        if (analysis.aliases() > maxAliases) {
            return exceeded("operation uses " + analysis.aliases() + " aliases (through its fragments), more than "
                    + "the limit of " + maxAliases, "MAX_ALIASES_EXCEEDED", analysis.aliases(), maxAliases);
        }
        if (analysis.fields() > maxFields) {
            return exceeded("operation selects " + analysis.fields() + " fields once its fragments are expanded, "
                    + "more than the limit of " + maxFields, "MAX_FIELDS_EXCEEDED", analysis.fields(), maxFields);
        }
        return null;
    }

    /** As the cost error: the code, and the measured value beside the limit ({@code extensions.limit}). */
    private static Map<String, Object> exceeded(String message, String code, long actual, long limit) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("actual", actual);
        detail.put("maximum", limit);
        return Errors.withExtension(Errors.error(message, code), "limit", detail);
    }
}
