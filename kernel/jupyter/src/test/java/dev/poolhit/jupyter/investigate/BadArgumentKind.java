package dev.poolhit.jupyter.investigate;

import java.util.Arrays;

/** What is wrong with a row's cell in {@code bad-arguments.table}; the table spells these in kebab case. */
enum BadArgumentKind {
    UNKNOWN_OPTION, MISSING_ARG, TOO_MANY_ARGS, MALFORMED_NUMBER, NUMBER_RANGE, BAD_ADDRESS, BAD_RANGE, BAD_TAG,
    BAD_PATH, CORRUPT_FILE, BAD_SPEC, REPEATED_OPTION, OPTION_VALUE, QUOTING, EMPTY_ARG, UNICODE, BAD_NAME,
    NOT_CONNECTED, ALREADY_CONNECTED, TARGET_RUNNING, NOT_ARMED, NO_TRACE;

    String spelling() {
        return name().toLowerCase().replace('_', '-');
    }

    static BadArgumentKind of(String spelling) {
        return Arrays.stream(values()).filter(k -> k.spelling().equals(spelling)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + spelling + "': expected one of "
                        + Arrays.stream(values()).map(BadArgumentKind::spelling).toList()));
    }
}
