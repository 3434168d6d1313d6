package dev.m6rec.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.rpc.RpcEnv;

/**
 * A Spark standalone master on 127.0.0.1 and a port the OS picks, for {@link StandaloneCluster}: it
 * prints {@code master-port N} once it listens, so the test waits on that line, not on a sleep.
 */
public final class StandaloneMasterMain {
    private StandaloneMasterMain() {
    }

    public static void main(String[] args) {
        SparkConf conf = new SparkConf().set("spark.master.rest.enabled", "false");
        scala.Tuple3<RpcEnv, Object, scala.Option<Object>> started =
                org.apache.spark.deploy.master.Master.startRpcEnvAndEndpoint("127.0.0.1", 0, 0, conf);
        System.out.println("master-port " + started._1().address().port());
        System.out.flush();
        started._1().awaitTermination();
    }
}
