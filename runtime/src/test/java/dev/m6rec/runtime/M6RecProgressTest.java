package dev.m6rec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding host's progress listener hears what the CLI shows while {@code train()} works. */
class M6RecProgressTest {
    @TempDir
    Path dir;

    @Test
    void theHostsListenerHearsLoadingAndEveryModelsTaskToItsEnd() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        ProgressReporter listener = new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                heard.add("begin " + name + " of " + total);
                return new ProgressTask() {
                    // A task is advanced from several threads at once (parallel stages): the contract asks for thread safety.
                    private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();

                    @Override
                    public void advance(long units) {
                        done.addAndGet(units);
                    }

                    @Override
                    public void message(String message) {
                    }

                    @Override
                    public void close() {
                        heard.add("end " + name + " at " + done);
                    }
                };
            }

            @Override
            public void info(String message) {
                heard.add(message);
            }
        };
        Path config = TinyPipelines.config(dir, "heard", TinyPipelines.ITEM_KNN);
        try (M6Rec rec = M6Rec.fromConfig(config, List.of(), listener)) {
            rec.train();
        }

        assertThat(heard).contains("loading synthetic data");
        List<String> begun = heard.stream().filter(line -> line.startsWith("begin ")).toList();
        assertThat(begun).isNotEmpty();
        for (String begin : begun) {
            String name = begin.substring("begin ".length(), begin.lastIndexOf(" of "));
            String total = begin.substring(begin.lastIndexOf(" of ") + " of ".length());
            assertThat(heard).as("%s ends having done all its units", name).contains("end " + name + " at " + total);
        }
        assertThat(M6Rec.fromConfig(config, List.of())).as("without a listener training is silent").isNotNull();
    }
}
