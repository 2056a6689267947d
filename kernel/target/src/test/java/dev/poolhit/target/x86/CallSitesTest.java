package dev.poolhit.target.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.AddressRange;
import dev.poolhit.common.Hex;
import dev.poolhit.target.memory.SparseMemory;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Return-address plausibility: the bytes before the address must be a whole CALL instruction. */
class CallSitesTest {
    private static final long CODE = X86Registers.canonical(0x82801000L);

    private static final FrameDataSource ONE_MODULE = new FrameDataSource() {
        @Override
        public Optional<FrameDataHit> find(long address) {
            return Optional.empty();
        }

        @Override
        public Optional<AddressRange> functionExtent(long address) {
            return Optional.empty();
        }

        @Override
        public boolean knows(long address) {
            return AddressRange.ofSize(CODE, 0x100).contains(address);
        }
    };

    @ParameterizedTest
    @CsvSource({
            "e8 00 00 00 00, true",                // call rel32
            "ff d3, true",                         // call ebx
            "ff 12, true",                         // call [edx] (ntdll!NtDeviceIoControlFile)
            "ff 54 88 38, true",                   // call [eax+ecx*4+38h] (IofCallDriver)
            "ff 53 08, true",                      // call [ebx+8] (ExpWorkerThread)
            "ff 15 90 20 40 00, true",             // call [__imp_X]
            "ff 94 88 00 01 00 00, true",          // call [eax+ecx*4+100h]
            "ff 14 8d 00 30 80 82, true",          // call [KiServiceTable+ecx*4]
            "ff e3, false",                        // jmp ebx
            "cc cc, false",                        // padding
            "90 90 90 90 90, false"})
    void callBeforeTheAddress(String bytes, boolean call) {
        byte[] code = new byte[0x100];
        byte[] insn = Hex.decode(bytes);
        System.arraycopy(insn, 0, code, 0x40 - insn.length, insn.length);
        SparseMemory memory = new SparseMemory().map(CODE, code);
        assertEquals(call, CallSites.isReturnAddress(memory, ONE_MODULE, CODE + 0x40));
    }

    @ParameterizedTest
    @CsvSource({"0x00, true", "0x1000, false"})
    void outsideAnyModuleOrUnreadableIsNoReturnAddress(long offset, boolean knownButUnreadable) {
        SparseMemory empty = new SparseMemory();
        assertFalse(CallSites.isReturnAddress(empty, ONE_MODULE, CODE + offset + 4));
        assertTrue(knownButUnreadable == ONE_MODULE.knows(CODE + offset + 4));
    }
}
