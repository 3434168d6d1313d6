package ${package};

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetSplitter;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Sends each interaction to test with probability {@code test}, to validation with probability
 * {@code valid}, and to training otherwise. The generator comes seeded from the run
 * ({@code context.random("split")}), so the same seed always gives the same split.
 */
public final class HoldoutSplitter implements DatasetSplitter {
    private final HoldoutSplitterFactory.Settings settings;
    private final RandomGenerator random;

    public HoldoutSplitter(HoldoutSplitterFactory.Settings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.random = Objects.requireNonNull(random, "random is null");
    }

    @Override
    public DataSplit split(Dataset dataset) {
        Interactions all = dataset.interactions();
        int[][] parts = {new int[all.size()], new int[all.size()], new int[all.size()]};
        int[] sizes = new int[3];
        for (int row = 0; row < all.size(); row++) {
            double draw = random.nextDouble();
            int part = draw < settings.test() ? 2 : draw < settings.test() + settings.valid() ? 1 : 0;
            parts[part][sizes[part]++] = row;
        }
        return new DataSplit(dataset, all.select(Arrays.copyOf(parts[0], sizes[0])),
                all.select(Arrays.copyOf(parts[1], sizes[1])), all.select(Arrays.copyOf(parts[2], sizes[2])));
    }
}
