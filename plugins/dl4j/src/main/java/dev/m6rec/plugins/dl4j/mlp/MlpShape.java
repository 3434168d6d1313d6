package dev.m6rec.plugins.dl4j.mlp;

/**
 * The data-dependent facts that fix the network's shape: id-space sizes, feature widths, and
 * whether a rating head exists (requested and the data has ratings). Stored with the artifact
 * so a load rebuilds exactly the network that was trained.
 *
 * @param numUsers     users in the id space; embedding row {@code numUsers} is the cold-start user
 * @param numItems     items in the id space; embedding row {@code numItems} is the cold-start item
 * @param userFeatures width of the user feature vectors (may be 0)
 * @param itemFeatures width of the item feature vectors (may be 0)
 * @param clickHead    whether the network has the click head
 * @param ratingHead   whether the network has the rating head
 * @param neighbourhood whether the heads take the item-kNN score (requested and a similarity model exists)
 * @param coldHead     whether the network has the cold-start head (a softmax over items from user features)
 */
public record MlpShape(int numUsers, int numItems, int userFeatures, int itemFeatures, boolean clickHead,
                       boolean ratingHead, boolean neighbourhood, boolean coldHead) {
    public MlpShape {
        if (numUsers < 0 || numItems <= 0 || userFeatures < 0 || itemFeatures < 0) {
            throw new IllegalArgumentException("bad shape " + numUsers + "x" + numItems + " features "
                    + userFeatures + "/" + itemFeatures);
        }
        if (!clickHead && !ratingHead) {
            throw new IllegalArgumentException("a network needs at least one head");
        }
        if (coldHead && !clickHead) {
            throw new IllegalArgumentException("the cold-start head learns from the click rows: it needs the click"
                    + " head");
        }
    }

    /** A shape without the neighbourhood input and the cold-start head. */
    public MlpShape(int numUsers, int numItems, int userFeatures, int itemFeatures, boolean clickHead,
                    boolean ratingHead) {
        this(numUsers, numItems, userFeatures, itemFeatures, clickHead, ratingHead, false, false);
    }

    public int coldUser() {
        return numUsers;
    }

    public int coldItem() {
        return numItems;
    }
}
