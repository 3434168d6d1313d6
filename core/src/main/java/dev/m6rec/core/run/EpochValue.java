package dev.m6rec.core.run;

import java.util.Objects;

/**
 * One quantity a model logged for one epoch, as its progress line said it ({@code click loss},
 * {@code ndcg@10}, {@code samples/s}), with the progress task that logged it.
 */
public record EpochValue(String task, int epoch, String quantity, double value) {
    public EpochValue {
        Objects.requireNonNull(task, "task is null");
        Objects.requireNonNull(quantity, "quantity is null");
    }
}
