package dev.poolhit.target.stack;

/** The architecture a frame was walked on: it decides the {@code k} columns and address width. */
public enum Machine {
    /** 64-bit: Child-SP, RetAddr, Call Site with {@code fffff880`04ec1860} addresses. */
    X64,
    /** 32-bit: ChildEBP, RetAddr with 8-digit addresses. */
    X86
}
