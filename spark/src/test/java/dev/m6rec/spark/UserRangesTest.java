package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserRangesTest {

    @Test
    void cutsIntoContiguousNearEqualNonEmptyRanges() {
        assertThat(UserRanges.split(10, 3)).containsExactly(new UserRanges.Range(0, 3), new UserRanges.Range(3, 6),
                new UserRanges.Range(6, 10));
        assertThat(UserRanges.split(2, 5)).containsExactly(new UserRanges.Range(0, 1), new UserRanges.Range(1, 2));
        assertThat(UserRanges.split(0, 4)).isEmpty();
    }
}
