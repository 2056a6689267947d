package dev.poolhit.sim.machine;

/**
 * Why and where the machine stopped: everything the KD adapter needs for a
 * DBGKD_WAIT_STATE_CHANGE64 with {@code NewState = 0x3030} (exception), per kd-protocol.md 3.
 *
 * @param exceptionCode      {@link #STATUS_BREAKPOINT} or {@link #STATUS_SINGLE_STEP}
 * @param processor          index of the processor that stopped (state change Processor)
 * @param numberProcessors   state change NumberProcessors
 * @param thread             KTHREAD of the thread running there (state change Thread)
 * @param programCounter     RIP; also ExceptionAddress (on the {@code int 3} byte for breakpoints)
 * @param context            that processor's CONTEXT at the stop
 * @param instructionStream  up to 16 bytes at the PC with debugger breakpoints hidden (original bytes)
 * @param dr6                KernelDr6 of the processor (control report)
 * @param dr7                KernelDr7 of the processor (control report)
 * @param breakIn            true when this stop answers a break-in request
 */
public record StopEvent(int exceptionCode, int processor, int numberProcessors, long thread, long programCounter,
                        Context context, byte[] instructionStream, long dr6, long dr7, boolean breakIn) {
    public static final int STATUS_BREAKPOINT = 0x80000003;
    public static final int STATUS_SINGLE_STEP = 0x80000004;
    /** KeProcessorLevel: the CPU family, 6 for every x64 CPU the simulator pretends to be. */
    public static final int PROCESSOR_LEVEL = 6;

    public StopEvent {
        instructionStream = instructionStream.clone();
    }

    @Override
    public byte[] instructionStream() {
        return instructionStream.clone();
    }

    /** ExceptionRecord.ExceptionAddress: equal to the PC for both codes the simulator raises. */
    public long exceptionAddress() {
        return programCounter;
    }

    /** DBGKM_EXCEPTION64.FirstChance: always first chance. */
    public boolean firstChance() {
        return true;
    }
}
