package org.epicontrol.gateway.cost;

/**
 * What the limits need to know about a document, counted through fragment spreads: the deepest field nesting, the
 * aliases and field selections it expands to (of every operation and fragment, since validation reads them all),
 * and the static cost of the operation to execute as a function of its variables.
 */
public record OperationAnalysis(int depth, long aliases, long fields, CostFormula cost) {
}
