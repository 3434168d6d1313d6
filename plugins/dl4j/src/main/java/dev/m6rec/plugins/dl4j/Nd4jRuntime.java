package dev.m6rec.plugins.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The process-wide ND4J settings every model of this plugin relies on: float32 everywhere,
 * op profiling off, and a deliberate thread count for libnd4j's OpenMP loops and OpenBLAS.
 * Small recommender batches lose time to thread hand-offs, so one intra-op thread is the
 * default; the host runs requests in parallel instead (see {@code GraphReplicas}).
 */
public final class Nd4jRuntime {
    private static volatile int configuredThreads = -1;

    private Nd4jRuntime() {
    }

    /** Applies the settings; cheap after the first call with the same thread count. */
    public static synchronized void configure(int intraOpThreads) {
        if (configuredThreads == intraOpThreads) {
            return;
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setProfiling(false);
        Nd4j.getEnvironment().setDebug(false);
        Nd4j.getEnvironment().setVerbose(false);
        Nd4j.getEnvironment().setMaxThreads(intraOpThreads);
        Nd4j.getEnvironment().setMaxMasterThreads(intraOpThreads);
        Nd4j.factory().blas().setMaxThreads(intraOpThreads);
        dev.m6rec.plugins.dl4j.train.Gemm.threads(intraOpThreads);
        configuredThreads = intraOpThreads;
    }
}
