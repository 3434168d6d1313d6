package dev.m6rec.core.ann;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.util.Arrays;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;

/**
 * An HNSW graph frozen into int arrays per level: the nodes on the level (ascending; the bottom
 * level holds every node and stores none), an offset per node into the flattened neighbour lists,
 * and those lists. This is both the artifact format (plain int arrays, checksummed by the store,
 * no Java serialization, no Lucene index files) and the in-memory form searched, so a loaded
 * graph searches exactly as the built one did. Immutable; {@link GraphSearch} walks it.
 */
final class FrozenHnswGraph {
    private static final int FORMAT = 1;
    private static final String HEADER = "hnsw.i32";
    private final int size;
    private final int entryNode;
    private final int[][] nodes;
    private final int[][] offsets;
    private final int[][] neighbours;
    private final int maxBottomDegree;

    private FrozenHnswGraph(int size, int entryNode, int[][] nodes, int[][] offsets, int[][] neighbours) {
        this.size = size;
        this.entryNode = entryNode;
        this.nodes = nodes;
        this.offsets = offsets;
        this.neighbours = neighbours;
        int max = 0;
        for (int p = 0; p + 1 < offsets[0].length; p++) {
            max = Math.max(max, offsets[0][p + 1] - offsets[0][p]);
        }
        this.maxBottomDegree = max;
    }

    static FrozenHnswGraph of(OnHeapHnswGraph graph) {
        if (graph.size() == 0) { // Lucene's empty graph has no levels to list
            return new FrozenHnswGraph(0, -1, new int[1][], new int[][] {{0}}, new int[][] {{}});
        }
        int levels = graph.numLevels();
        int[][] nodes = new int[levels][];
        int[][] offsets = new int[levels][];
        int[][] neighbours = new int[levels][];
        for (int level = 0; level < levels; level++) {
            nodes[level] = level == 0 ? null : HnswGraph.NodesIterator.getSortedNodes(graph.getNodesOnLevel(level));
            int count = level == 0 ? graph.size() : nodes[level].length;
            int[] offset = new int[count + 1];
            for (int p = 0; p < count; p++) {
                offset[p + 1] = offset[p] + graph.getNeighbors(level, level == 0 ? p : nodes[level][p]).size();
            }
            int[] flat = new int[offset[count]];
            for (int p = 0; p < count; p++) {
                var list = graph.getNeighbors(level, level == 0 ? p : nodes[level][p]);
                System.arraycopy(list.nodes(), 0, flat, offset[p], list.size());
            }
            offsets[level] = offset;
            neighbours[level] = flat;
        }
        return new FrozenHnswGraph(graph.size(), graph.entryNode(), nodes, offsets, neighbours);
    }

    int size() {
        return size;
    }

    /** Heap held by the graph's arrays (the vectors are the embeddings', not counted here). */
    long bytes() {
        long ints = 0;
        for (int level = 0; level < nodes.length; level++) {
            ints += (nodes[level] == null ? 0 : nodes[level].length) + offsets[level].length + neighbours[level].length;
        }
        return ints * Integer.BYTES;
    }

    void save(ArtifactWriter out, int dims, IndexSettings settings) {
        out.writeInts(HEADER, new int[] {FORMAT, size, dims, nodes.length, entryNode, settings.m(), settings.beamWidth()});
        for (int level = 0; level < nodes.length; level++) {
            if (level > 0) {
                out.writeInts("level-" + level + "-nodes.i32", nodes[level]);
            }
            out.writeInts("level-" + level + "-offsets.i32", offsets[level]);
            out.writeInts("level-" + level + "-neighbours.i32", neighbours[level]);
        }
    }

    /**
     * Reads a graph over {@code size} vectors of width {@code dims}, refusing any structure a
     * search could trip on (an id out of range, a neighbour missing from its level, offsets out of
     * order) with an {@link ArtifactException} naming the file.
     */
    static FrozenHnswGraph load(ArtifactReader in, int size, int dims) {
        int[] header = in.readInts(HEADER);
        String where = in.location() + "/" + HEADER;
        if (header.length != 7 || header[0] != FORMAT) {
            throw new ArtifactException(where + ": not an HNSW graph header of format " + FORMAT);
        }
        if (header[1] != size || header[2] != dims) {
            throw new ArtifactException(where + ": graph over " + header[1] + "x" + header[2]
                    + " vectors, but the item embeddings are " + size + "x" + dims);
        }
        int levels = header[3];
        if (levels < 1 || levels > 64) {
            throw new ArtifactException(where + ": " + levels + " levels");
        }
        int[][] nodes = new int[levels][];
        int[][] offsets = new int[levels][];
        int[][] neighbours = new int[levels][];
        for (int level = 0; level < levels; level++) {
            if (level > 0) {
                String name = "level-" + level + "-nodes.i32";
                nodes[level] = in.readInts(name);
                for (int p = 0; p < nodes[level].length; p++) {
                    int node = nodes[level][p];
                    if (node < 0 || node >= size || (p > 0 && node <= nodes[level][p - 1])) {
                        throw new ArtifactException(in.location() + "/" + name + ": node " + node + " at position " + p
                                + " is out of range [0, " + size + ") or out of order");
                    }
                    // A search descends from each level to the one below at the same node.
                    if (level > 1 && Arrays.binarySearch(nodes[level - 1], node) < 0) {
                        throw new ArtifactException(in.location() + "/" + name + ": node " + node + " is not on level "
                                + (level - 1));
                    }
                }
            }
            int count = level == 0 ? size : nodes[level].length;
            String offsetName = "level-" + level + "-offsets.i32";
            String neighbourName = "level-" + level + "-neighbours.i32";
            offsets[level] = in.readInts(offsetName);
            neighbours[level] = in.readInts(neighbourName);
            int[] offset = offsets[level];
            if (offset.length != count + 1 || offset[0] != 0 || offset[count] != neighbours[level].length) {
                throw new ArtifactException(in.location() + "/" + offsetName + ": " + offset.length
                        + " offsets do not describe " + count + " nodes and " + neighbours[level].length + " neighbours");
            }
            for (int p = 0; p < count; p++) {
                if (offset[p + 1] < offset[p]) {
                    throw new ArtifactException(in.location() + "/" + offsetName + ": offset " + (p + 1) + " decreases");
                }
            }
            for (int r = 0; r < neighbours[level].length; r++) {
                int node = neighbours[level][r];
                boolean onLevel = level == 0 ? node >= 0 && node < size : Arrays.binarySearch(nodes[level], node) >= 0;
                if (!onLevel) {
                    throw new ArtifactException(in.location() + "/" + neighbourName + ": neighbour " + node + " at "
                            + r + " is not a node of level " + level + " (ids [0, " + size + "))");
                }
            }
        }
        int entry = header[4];
        boolean entryOnTop = levels == 1 ? (entry >= 0 && entry < size) || size == 0
                : Arrays.binarySearch(nodes[levels - 1], entry) >= 0;
        if (!entryOnTop) {
            throw new ArtifactException(where + ": entry node " + entry + " is not on the top level");
        }
        return new FrozenHnswGraph(size, entry, nodes, offsets, neighbours);
    }

    int entryNode() {
        return entryNode;
    }

    int levels() {
        return nodes.length;
    }

    /** The flattened neighbour lists of {@code level}; node {@code p}'s are {@code [start(level, p), end(level, p))}. */
    int[] neighbours(int level) {
        return neighbours[level];
    }

    /** Where {@code node} sits among the nodes of {@code level} (the bottom level holds every node in order). */
    int position(int level, int node) {
        return level == 0 ? node : Arrays.binarySearch(nodes[level], node);
    }

    /** The longest neighbour list on the bottom level. */
    int maxBottomDegree() {
        return maxBottomDegree;
    }

    int start(int level, int position) {
        return offsets[level][position];
    }

    int end(int level, int position) {
        return offsets[level][position + 1];
    }
}
