package ${package};

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import java.util.Map;

/** A small dataset the tests share: the users of items 0..3 are {@link #USERS_OF}. */
final class Fixtures {
    /** Item 0 has users 0-3; item 1 shares 3 of them, item 2 shares 1, item 3 shares none. */
    static final int[][] USERS_OF = {{0, 1, 2, 3}, {0, 1, 2}, {3, 4}, {5}};
    static final int USERS = 6;

    private Fixtures() {
    }

    static Interactions interactions() {
        Interactions.Builder builder = Interactions.builder(USERS, USERS_OF.length, true, false);
        for (int item = 0; item < USERS_OF.length; item++) {
            for (int user : USERS_OF[item]) {
                builder.add(user, item, 1f + item, 0L);
            }
        }
        return builder.build();
    }

    static Dataset dataset() {
        return new Dataset("fixture", IdIndex.range("u", USERS), IdIndex.range("i", USERS_OF.length), interactions(),
                AttributeTable.empty(USERS), AttributeTable.empty(USERS_OF.length), Map.of());
    }
}
