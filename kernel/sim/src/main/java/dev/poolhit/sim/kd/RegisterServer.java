package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;

/** The register APIs of one architecture (Get/SetContext, Get/SetContextEx, control space); one per stop. */
interface RegisterServer {
    ManipulateState handle(ManipulateApi api, ManipulateState request);
}
