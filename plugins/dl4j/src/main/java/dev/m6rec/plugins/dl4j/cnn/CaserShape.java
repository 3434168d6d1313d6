package dev.m6rec.plugins.dl4j.cnn;

/**
 * The id-space sizes the {@code cnn} network is built for. Item embedding row {@code numItems}
 * stands for padding and for items without training interactions; user row {@code numUsers}
 * is the unknown user.
 */
record CaserShape(int numUsers, int numItems) {
    CaserShape {
        if (numUsers < 0 || numItems <= 0) {
            throw new IllegalArgumentException("bad shape " + numUsers + "x" + numItems);
        }
    }

    int padItem() {
        return numItems;
    }

    int coldUser() {
        return numUsers;
    }
}
