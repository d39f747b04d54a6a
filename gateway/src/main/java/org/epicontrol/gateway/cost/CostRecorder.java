package org.epicontrol.gateway.cost;

/** Where estimated and actual operation costs go (a metric); {@link #NONE} records nothing. */
public interface CostRecorder {
    CostRecorder NONE = new CostRecorder() {
        @Override
        public void estimated(double cost) {
        }

        @Override
        public void actual(double cost) {
        }
    };

    void estimated(double cost);

    void actual(double cost);
}
