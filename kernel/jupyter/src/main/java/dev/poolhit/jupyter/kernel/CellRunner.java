package dev.poolhit.jupyter.kernel;

import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.java.CellInterruptedException;
import dev.poolhit.jupyter.java.JavaEvaluator;
import dev.poolhit.jupyter.magic.CellParser;
import dev.poolhit.jupyter.magic.CellPart;
import dev.poolhit.jupyter.magic.MagicResult;
import dev.poolhit.jupyter.magic.MagicRunner;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a cell's parts in order and returns the value the cell displays: the last part's value.
 * A magic result that is neither last nor bound to a variable is displayed on the spot, so no
 * command output is silently lost. The first failing part ends the cell with one exception.
 */
final class CellRunner {
    private final JavaEvaluator java;
    private final MagicRunner magics;
    private final Consumer<Object> displayer;
    private final Object magicLock = new Object();
    private Thread magicThread;

    CellRunner(JavaEvaluator java, MagicRunner magics, Consumer<Object> displayer) {
        this.java = java;
        this.magics = magics;
        this.displayer = displayer;
    }

    Optional<Object> run(String cell) throws Exception {
        java.beginCell();
        try {
            return runParts(cell);
        } finally {
            java.endCell();
        }
    }

    private Optional<Object> runParts(String cell) throws Exception {
        List<CellPart> parts = CellParser.parse(cell);
        Optional<Object> last = Optional.empty();
        for (int i = 0; i < parts.size(); i++) {
            if (java.stopRequested()) { // an interrupt between parts ends the cell too
                throw new CellInterruptedException();
            }
            CellPart part = parts.get(i);
            if (part instanceof CellPart.Java code) {
                last = java.eval(code.code());
                continue;
            }
            MagicResult result = runMagic(part);
            last = Optional.ofNullable(result.value());
            if (i < parts.size() - 1 && result.value() != null && result.boundTo() == null) {
                displayer.accept(result.value());
            }
        }
        return last;
    }

    private MagicResult runMagic(CellPart part) throws Exception {
        synchronized (magicLock) {
            magicThread = Thread.currentThread();
        }
        try {
            return magics.run(part);
        } catch (InterruptedException e) {
            throw new CellInterruptedException();
        } catch (CellException e) {
            throw e;
        } catch (Exception e) {
            throw new MagicFailedException(part, e);
        } finally {
            synchronized (magicLock) {
                magicThread = null;
                Thread.interrupted(); // an interrupt aimed at this magic must not reach basekernel's loop
            }
        }
    }

    /** Interrupts the magic running on the shell thread, if any (Java snippets stop via JShell). */
    void interruptMagic() {
        synchronized (magicLock) {
            if (magicThread != null) {
                magicThread.interrupt();
            }
        }
        java.stop();
    }
}
