package dev.poolhit.target.x86;

import dev.poolhit.target.pdb.FrameDataEntry;

/** The FRAMEDATA record covering an address, with the base of the image it belongs to. */
public record FrameDataHit(long imageBase, FrameDataEntry entry) {}
