package dev.m6rec.core.run;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A progress reporter that passes everything on and keeps the numbers of every epoch line, for the
 * report's training curves. Models already print one status per epoch, {@code "epoch 3: click loss
 * 0.41, rating mse 0.87, ndcg@10 0.12, 5,300 samples/s"} (the mlp; bpr, caser, sasrec, the vae and
 * the stacked ranker print the same shape); reading those lines plots what the log shows without a
 * second reporting channel in the SPI. Parts that are not {@code <name> <number>} or
 * {@code <number> <unit>/s} are ignored.
 */
public final class TrainingLog implements ProgressReporter {
    private static final Pattern EPOCH = Pattern.compile("^epoch (\\d+)(?:/\\d+)?: (.*)$");
    private static final Pattern NAMED = Pattern.compile("^(\\D.*?) (-?[0-9][0-9.eE+-]*|NaN)$");
    private static final Pattern RATE = Pattern.compile("^([0-9][0-9,.]*) (\\S+/s)$");

    private final ProgressReporter delegate;
    private final List<EpochValue> values = new ArrayList<>();

    public TrainingLog(ProgressReporter delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate is null");
    }

    @Override
    public ProgressTask begin(String name, long total) {
        ProgressTask task = delegate.begin(name, total);
        return new ProgressTask() {
            @Override
            public void advance(long units) {
                task.advance(units);
            }

            @Override
            public void message(String message) {
                record(name, message);
                task.message(message);
            }

            @Override
            public void close() {
                task.close();
            }
        };
    }

    @Override
    public void info(String message) {
        delegate.info(message);
    }

    /** What was logged since the last call, in order; the log starts empty again (one model after another). */
    public synchronized List<EpochValue> drain() {
        List<EpochValue> out = List.copyOf(values);
        values.clear();
        return out;
    }

    synchronized void record(String task, String message) {
        Matcher epoch = EPOCH.matcher(message == null ? "" : message.strip());
        if (!epoch.matches()) {
            return;
        }
        int number = Integer.parseInt(epoch.group(1));
        for (String part : epoch.group(2).split(", ")) {
            String text = part.strip();
            Matcher named = NAMED.matcher(text);
            Matcher rate = RATE.matcher(text);
            try {
                if (rate.matches()) {
                    values.add(new EpochValue(task, number, rate.group(2),
                            Double.parseDouble(rate.group(1).replace(",", ""))));
                } else if (named.matches()) {
                    values.add(new EpochValue(task, number, named.group(1).toLowerCase(Locale.ROOT),
                            Double.parseDouble(named.group(2))));
                }
            } catch (NumberFormatException e) {
                // Not a number after all ("1.2.3"): a status part, not a quantity.
            }
        }
    }
}
