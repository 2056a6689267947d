package dev.poolhit.target.unwind;

/** A non-volatile XMM register restored by UWOP_SAVE_XMM128(_FAR): its number and the two halves. */
public record XmmValue(int register, long low, long high) {}
