package dev.m6rec.plugins.spark;

import org.apache.spark.Partitioner;

/** One partition per tile of an {@link AllPairsPlan}: the key is the tile's number. */
final class TilePartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int tiles;

    TilePartitioner(int tiles) {
        this.tiles = tiles;
    }

    @Override
    public int numPartitions() {
        return tiles;
    }

    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TilePartitioner p && p.tiles == tiles;
    }

    @Override
    public int hashCode() {
        return tiles;
    }
}
