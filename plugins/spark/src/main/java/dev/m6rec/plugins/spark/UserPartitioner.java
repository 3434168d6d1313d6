package dev.m6rec.plugins.spark;

import org.apache.spark.Partitioner;

/** Sends every {@code (user << 32 | item)} key of one user to the same partition, so a partition holds whole rows. */
final class UserPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    UserPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return Math.floorMod(Integer.hashCode((int) ((Long) key >>> 32)) * 0x9E3779B9, partitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserPartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
