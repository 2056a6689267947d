package dev.poolhit.kd.protocol;

import java.util.Optional;

/** DBGKD_WAIT_STATE_CHANGE64.NewState values (kd-protocol.md 2). */
public enum NewState {
    EXCEPTION(0x3030, "DbgKdExceptionStateChange"),
    LOAD_SYMBOLS(0x3031, "DbgKdLoadSymbolsStateChange"),
    COMMAND_STRING(0x3032, "DbgKdCommandStringStateChange");

    /** DbgKdAlternateStateChange: OR-ed in when an alternate source reports the change. */
    public static final int ALTERNATE_FLAG = 0x00010000;

    private final int value;
    private final String wireName;

    NewState(int value, String wireName) {
        this.value = value;
        this.wireName = wireName;
    }

    public int value() {
        return value;
    }

    public String wireName() {
        return wireName;
    }

    /** Recognises the value with or without {@link #ALTERNATE_FLAG}. */
    public static Optional<NewState> of(int value) {
        int plain = value & ~ALTERNATE_FLAG;
        return WireNumbers.find(values(), NewState::value, plain);
    }

    @Override
    public String toString() {
        return String.format("%s (0x%04x)", wireName, value);
    }
}
