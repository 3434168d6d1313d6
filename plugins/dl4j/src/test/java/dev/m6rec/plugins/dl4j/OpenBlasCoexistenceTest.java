package dev.m6rec.plugins.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import smile.math.blas.UPLO;
import smile.math.kernel.GaussianKernel;
import smile.math.matrix.Matrix;
import smile.regression.GaussianProcessRegression;

/**
 * ND4J and Smile in one JVM share one OpenBLAS: DL4J trains, then Smile's Cholesky and a
 * Gaussian process (LAPACK through bytedeco's OpenBLAS) give correct numbers, both report the
 * same bytedeco OpenBLAS build, and Smile loads no BLAS library of its own.
 */
class OpenBlasCoexistenceTest {

    @Test
    void dl4jAndSmileShareOneOpenBlas() throws IOException {
        Nd4jRuntime.configure(1);
        // A tiny DL4J network learns y = 2 * x0 - x1.
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .updater(new Adam(0.05)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 2).subi(0.5);
        INDArray y = x.getColumn(0).mul(2).sub(x.getColumn(1)).reshape(64, 1);
        for (int i = 0; i < 120; i++) {
            net.fit(x, y);
        }
        assertThat(net.score()).isLessThan(0.01);
        Set<String> blasAfterNd4j = loadedBlasLibraries();

        // Smile: Cholesky solve of a symmetric positive definite system through LAPACK.
        Matrix a = new Matrix(new double[][] {{4, 2, 0.6}, {2, 3, 0.4}, {0.6, 0.4, 2}});
        a.uplo(UPLO.LOWER);
        double[] solution = a.cholesky().solve(new double[] {1, 2, 3});
        double[][] rows = {{4, 2, 0.6}, {2, 3, 0.4}, {0.6, 0.4, 2}};
        for (int i = 0; i < 3; i++) {
            double lhs = 0;
            for (int j = 0; j < 3; j++) {
                lhs += rows[i][j] * solution[j];
            }
            assertThat(lhs).isCloseTo(i + 1.0, within(1e-9));
        }
        // Smile: a Gaussian process interpolates a smooth function.
        double[][] gx = new double[20][];
        double[] gy = new double[20];
        for (int i = 0; i < 20; i++) {
            gx[i] = new double[] {i / 4.0};
            gy[i] = Math.sin(i / 4.0);
        }
        GaussianProcessRegression<double[]> gp = GaussianProcessRegression.fit(gx, gy, new GaussianKernel(1.0), 1e-6);
        assertThat(gp.predict(new double[] {1.1})).isCloseTo(Math.sin(1.1), within(1e-3));

        assertThat(smile.math.blas.BLAS.engine.getClass().getName()).isEqualTo("smile.math.blas.openblas.OpenBLAS");
        assertThat(Loader.getVersion("org.bytedeco", "openblas")).isEqualTo("0.3.19-1.5.7");
        assertThat(Nd4j.factory().blas().getBlasVendor().name()).isEqualTo("OPENBLAS");
        Set<String> blasAfterSmile = loadedBlasLibraries();
        if (!blasAfterNd4j.isEmpty()) {
            assertThat(blasAfterSmile).isEqualTo(blasAfterNd4j);
            assertThat(blasAfterSmile).allMatch(path -> path.contains("openblas-0.3.19-1.5.7"));
        }
    }

    /** The OpenBLAS shared objects mapped into this process (Linux); empty where /proc is absent. */
    private static Set<String> loadedBlasLibraries() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        Set<String> libraries = new TreeSet<>();
        if (!Files.exists(maps)) {
            return libraries;
        }
        for (String line : Files.readAllLines(maps)) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.substring(line.lastIndexOf('/')).contains("openblas")) {
                libraries.add(line.substring(slash));
            }
        }
        assumeTrue(!libraries.isEmpty(), "no OpenBLAS mapping visible");
        return libraries;
    }
}
