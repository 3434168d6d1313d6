package dev.m6rec.runtime.cli;

/** The CLI's exit codes: 0 success, 2 a user error (bad config, data, ids, artifact), 1 a bug. */
final class ExitCodes {
    static final int OK = 0;
    static final int BUG = 1;
    static final int USER_ERROR = 2;

    private ExitCodes() {
    }
}
