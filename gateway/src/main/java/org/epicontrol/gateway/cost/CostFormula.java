package org.epicontrol.gateway.cost;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operation's static cost as a function of its variables: a DAG of sums and list-size multiplications. A part
 * without variables is folded into a constant when built, so most operations are one number; a fragment's formula
 * is one shared node however often it is spread, and is evaluated once per request.
 */
public sealed interface CostFormula {

    CostFormula ZERO = new Constant(0);

    /** The cost for these variable values, in time linear in the formula (shared nodes evaluated once). */
    default double evaluate(Map<String, Object> variables) {
        return evaluate(variables, new IdentityHashMap<>());
    }

    double evaluate(Map<String, Object> variables, Map<CostFormula, Double> memo);

    static CostFormula constant(double value) {
        return value == 0 ? ZERO : new Constant(value);
    }

    static CostFormula sum(List<CostFormula> terms) {
        double constant = 0;
        List<CostFormula> variable = new ArrayList<>();
        for (CostFormula t : terms) {
            if (t instanceof Constant c) {
                constant += c.value();
            } else {
                variable.add(t);
            }
        }
        if (variable.isEmpty()) {
            return constant(constant);
        }
        if (constant != 0) {
            variable.add(new Constant(constant));
        }
        return variable.size() == 1 ? variable.get(0) : new Sum(List.copyOf(variable));
    }

    static CostFormula sum(CostFormula a, CostFormula b) {
        return sum(List.of(a, b));
    }

    /** {@code size × each}; folded when both are known without variables. */
    static CostFormula times(ListSize size, CostFormula each) {
        if (each instanceof Constant c && c.value() == 0) {
            return ZERO;
        }
        if (size.variables().isEmpty() && each instanceof Constant c) {
            return constant(size.value(Map.of()) * c.value());
        }
        return new Times(size, each);
    }

    /** A node evaluated once per request however many parents it has (a fragment spread many times). */
    static CostFormula shared(CostFormula f) {
        return f instanceof Constant || f instanceof Shared ? f : new Shared(f);
    }

    record Constant(double value) implements CostFormula {
        @Override
        public double evaluate(Map<String, Object> variables, Map<CostFormula, Double> memo) {
            return value;
        }
    }

    record Sum(List<CostFormula> terms) implements CostFormula {
        @Override
        public double evaluate(Map<String, Object> variables, Map<CostFormula, Double> memo) {
            double total = 0;
            for (CostFormula t : terms) {
                total += t.evaluate(variables, memo);
            }
            return total;
        }
    }

    record Times(ListSize size, CostFormula each) implements CostFormula {
        @Override
        public double evaluate(Map<String, Object> variables, Map<CostFormula, Double> memo) {
            double n = size.value(variables);
            return n == 0 ? 0 : n * each.evaluate(variables, memo);
        }
    }

    final class Shared implements CostFormula {
        private final CostFormula formula;

        Shared(CostFormula formula) {
            this.formula = formula;
        }

        @Override
        public double evaluate(Map<String, Object> variables, Map<CostFormula, Double> memo) {
            Double known = memo.get(this);
            if (known == null) {
                known = formula.evaluate(variables, memo);
                memo.put(this, known);
            }
            return known;
        }
    }

    /**
     * A list's size: the largest slicing argument given (literals, and variables when the request sets them), else
     * the assumed size. Negative arguments count as 0.
     */
    record ListSize(double literal, List<String> variables, double assumed) {
        public static final double NO_LITERAL = -1;

        double value(Map<String, Object> values) {
            double max = literal;
            for (String v : variables) {
                if (values.get(v) instanceof Number n) {
                    max = Math.max(max, Math.max(0, n.doubleValue()));
                }
            }
            return max >= 0 ? max : assumed;
        }
    }
}
