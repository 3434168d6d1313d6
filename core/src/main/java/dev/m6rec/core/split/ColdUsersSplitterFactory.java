package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;

/**
 * {@code split: { type: cold-users, share: 0.2, reveal: 0, valid-share: 0.1 }}: cold start,
 * measured. A seeded {@code share} of the users with interactions is held out whole: none of
 * their interactions train, their attributes stay in the dataset (so feature extractors encode
 * them), and each one's interactions after its first {@code reveal} (by time; file order when
 * untimed) are the test targets. The same users are drawn whatever {@code reveal} is, so runs with
 * reveal 0, 1, 5 compare the same people; a user with no more than {@code reveal} interactions
 * has no target and is not counted.
 *
 * <p>Where the revealed interactions go: the evaluator ranks test with profiles built from train +
 * valid, and models never fit on valid, so they go to {@code valid}: known at test time, never
 * trained on. They are then also validation targets of a user whose training profile is empty,
 * i.e. predicted from attributes alone, which is the cold question again, asked about interactions
 * that precede every test target.
 *
 * <p>Validation: a further seeded {@code valid-share} of users is held out whole the same way,
 * all of its interactions in {@code valid}, instead of a ratio cut of the warm users. Early
 * stopping and tuning must select for what test measures: a warm cut would pick the epoch (and
 * the hyper-parameters) best for users with a history, which is where id embeddings win and
 * features matter least, and it would also take training rows from the warm users. With
 * {@code valid-share: 0} validation holds only the revealed interactions (none when {@code reveal}
 * is 0). Limit: a validation user is scored with an empty history even when {@code reveal > 0}
 * (a history known at validation time but not trained on would need a fourth part in DataSplit).
 */
public final class ColdUsersSplitterFactory implements DatasetSplitterFactory<ColdUsersSplitterFactory.Settings> {

    /** The parameters of {@code cold-users}. */
    public record Settings(
            @Param(value = "share of users held out whole for test", def = "0.2", above = 0, below = 1) double share,
            @Param(value = "a test user's first interactions (by time) known at test time, never trained on",
                    def = "0", min = 0) int reveal,
            @Param(value = "share of further users held out whole for validation (0: only the revealed interactions)",
                    def = "0.1", min = 0, below = 1) double validShare) {
    }

    @Override
    public String name() {
        return "cold-users";
    }

    @Override
    public String description() {
        return "a seeded share of users held out whole (cold start): attributes kept, first n interactions revealed";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void check(Settings settings, Problems problems) {
        double sum = settings.share() + settings.validShare();
        if (sum >= 1) {
            problems.add("valid-share", "share + valid-share must be < 1 so that some users train (sum was "
                    + (float) sum + ")");
        }
    }

    @Override
    public DatasetSplitter create(Settings settings, PluginContext context) {
        return new ColdUsersSplitter(settings.share(), settings.validShare(), settings.reveal(),
                context.random("split"));
    }
}
