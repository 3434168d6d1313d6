package dev.m6rec.core.run;

import dev.m6rec.core.eval.PerUserValues;
import dev.m6rec.core.output.StagedFiles;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes {@code per-user.tsv}: one header line, then {@code model, user, metric, value, history}
 * for every model, ranked test user and per-user metric (HR, precision, recall, NDCG, MRR, MAP at
 * K), where history is the user's training interactions. A metric's mean over a model's rows is
 * the model's test value in the table.
 */
final class PerUserTsv {
    static final String HEADER = "model\tuser\tmetric\tvalue\thistory";

    private PerUserTsv() {
    }

    static void stage(StagedFiles files, Path file, ExperimentResult result) {
        files.stage(file, out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(HEADER);
            writer.write('\n');
            for (ModelOutcome outcome : result.outcomes()) {
                PerUserValues values = outcome.perUser();
                for (int m = 0; m < values.metrics().size(); m++) {
                    String metric = values.metrics().get(m);
                    for (int i = 0; i < values.users().length; i++) {
                        int user = values.users()[i];
                        writer.write(outcome.name() + '\t' + result.users().id(user) + '\t' + metric + '\t'
                                + values.values()[m][i] + '\t' + result.trainingInteractions()[user] + '\n');
                    }
                }
            }
            writer.flush();
        });
    }
}
