package dev.poolhit.target.pdb;

/** A FRAMEDATA record with its RPN program string resolved from the {@code /names} table. */
public record FrameDataEntry(FrameData data, String program) {}
