package dev.poolhit.pool.kdlog;

/**
 * The header line WinDbg prints above a stack, which says which columns the rows carry:
 * {@code Child-SP RetAddr Call Site} ({@code k}), a leading {@code #} ({@code kn}), a
 * {@code Memory} column ({@code kf}), {@code Args to Child} ({@code kb}, {@code kv}), and
 * {@code ChildEBP} for 32-bit targets.
 *
 * @param numbered  rows start with a hex frame number
 * @param memory    rows carry a frame-size column (blank on the first row)
 * @param args      rows carry argument columns before the call site
 * @param x86       32-bit addresses ({@code ChildEBP})
 */
record StackHeader(boolean numbered, boolean memory, boolean args, boolean x86) {
    /** The header a line is, or {@code null}. */
    static StackHeader parse(String line) {
        String s = line.strip();
        boolean x64 = s.contains("Child-SP");
        boolean x86 = s.contains("ChildEBP");
        if (!(x64 || x86) || !s.contains("RetAddr")) {
            return null;
        }
        String first = s.split("\\s+", 2)[0];
        boolean numbered = first.equals("#");
        return new StackHeader(numbered, s.contains("Memory"), s.contains("Args to Child"), x86 && !x64);
    }
}
