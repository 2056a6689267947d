package dev.poolhit.sim.kd;

import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.kernel.KdVersion;
import dev.poolhit.sim.machine.Context;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.machine.SpecialRegisters;
import dev.poolhit.sim.machine.StopEvent;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link TargetMachine} over the real simulated {@link Machine}: plain delegation. */
final class MachineTarget implements TargetMachine {
    private final Machine machine;

    MachineTarget(Machine machine) {
        this.machine = machine;
    }

    Machine machine() {
        return machine;
    }

    @Override
    public KdVersion version() {
        return machine.version();
    }

    @Override
    public int processorCount() {
        return machine.processorCount();
    }

    @Override
    public int readVirtual(long address, byte[] into, int offset, int length) {
        return machine.readVirtual(address, into, offset, length);
    }

    @Override
    public int writeVirtual(long address, byte[] from, int offset, int length) {
        return machine.writeVirtual(address, from, offset, length);
    }

    @Override
    public int readOriginal(long address, byte[] into, int offset, int length) {
        return machine.readOriginal(address, into, offset, length);
    }

    @Override
    public Context context(int processor) {
        return machine.context(processor);
    }

    @Override
    public void setContext(int processor, Context context) {
        machine.setContext(processor, context);
    }

    @Override
    public SpecialRegisters specialRegisters(int processor) {
        return machine.specialRegisters(processor);
    }

    @Override
    public void setSpecialRegisters(int processor, SpecialRegisters registers) {
        machine.setSpecialRegisters(processor, registers);
    }

    @Override
    public long kpcr(int processor) {
        return machine.kpcr(processor);
    }

    @Override
    public long kprcb(int processor) {
        return machine.kprcb(processor);
    }

    @Override
    public long currentThread(int processor) {
        return machine.currentThread(processor);
    }

    @Override
    public OptionalInt writeBreakpoint(long address) {
        return machine.writeBreakpoint(address);
    }

    @Override
    public boolean restoreBreakpoint(int handle) {
        return machine.restoreBreakpoint(handle);
    }

    @Override
    public void resume(boolean traceFlag, long dr7) {
        machine.resume(traceFlag, dr7);
    }

    @Override
    public Optional<StopEvent> run(long maxEvents) {
        return machine.run(maxEvents);
    }

    @Override
    public void requestBreakIn() {
        machine.requestBreakIn();
    }

    @Override
    public void reboot() {
        machine.reboot();
    }

    @Override
    public Optional<StopEvent> currentStop() {
        return machine.state() == dev.poolhit.sim.machine.MachineState.BROKEN ? machine.lastStop() : Optional.empty();
    }

    @Override
    public int bootCount() {
        return machine.bootCount();
    }

    @Override
    public List<ModuleInfo> modules() {
        return machine.images().stream().filter(LoadedImage::kernelMode).map(MachineTarget::info).toList();
    }

    @Override
    public List<ModuleInfo> takeLoadedModules() {
        return machine.takeLoadedDrivers().stream().map(MachineTarget::info).toList();
    }

    private static ModuleInfo info(LoadedImage i) {
        return new ModuleInfo(i.fullPath(), i.base(), (int) i.size(), (int) i.pe().checkSum());
    }
}
