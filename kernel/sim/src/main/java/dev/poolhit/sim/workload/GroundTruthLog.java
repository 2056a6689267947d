package dev.poolhit.sim.workload;

import dev.poolhit.common.Hex;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Every allocation and free the machine performed since boot, in order, for tests and benchmarks:
 * readable in memory and writable as JSON lines (one object per event) or CSV. Thread-safe.
 */
public final class GroundTruthLog {
    private final List<GroundTruthEntry> entries = new ArrayList<>();

    public synchronized void add(GroundTruthEntry entry) {
        entries.add(entry);
    }

    /** Marks the event with this sequence number as having stopped the machine. */
    public synchronized void markBroke(long sequence) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).sequence() == sequence) {
                entries.set(i, entries.get(i).withBroke(true));
                return;
            }
        }
    }

    public synchronized List<GroundTruthEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Entries whose tag equals {@code tag} with the protected bit ignored on both sides. */
    public synchronized List<GroundTruthEntry> withTag(int tag) {
        return entries.stream().filter(e -> (e.tag() & 0x7fffffff) == (tag & 0x7fffffff)).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized void writeJsonLines(Writer out) throws IOException {
        for (GroundTruthEntry e : entries) {
            StringBuilder stack = new StringBuilder();
            for (ExpectedFrame f : e.stack()) {
                stack.append(stack.length() == 0 ? "" : ",")
                        .append("{\"function\":\"").append(f.function()).append("\",\"ip\":\"")
                        .append(Hex.u64(f.ip())).append("\"}");
            }
            out.write(String.format("{\"seq\":%d,\"timeNanos\":%d,\"processor\":%d,\"thread\":\"%s\",\"tid\":%d,"
                            + "\"pid\":%d,\"process\":\"%s\",\"tag\":\"%s\",\"tagValue\":%d,\"size\":%d,"
                            + "\"address\":\"%s\",\"kind\":\"%s\",\"broke\":%b,\"stack\":[%s]}%n",
                    e.sequence(), e.timeNanos(), e.processor(), Hex.u64(e.thread()), e.threadId(), e.processId(),
                    e.process(), e.tagText(), e.tag() & 0xffffffffL, e.size(), Hex.u64(e.address()),
                    e.kind().label(), e.broke(), stack));
        }
    }

    public synchronized void writeCsv(Writer out) throws IOException {
        out.write("seq,time_nanos,processor,thread,tid,pid,process,tag,size,address,kind,broke,stack\n");
        for (GroundTruthEntry e : entries) {
            List<String> frames = e.stack().stream().map(f -> f.function() + "@" + Hex.u64(f.ip())).toList();
            out.write(String.format("%d,%d,%d,%s,%d,%d,%s,%s,%d,%s,%s,%b,%s%n", e.sequence(), e.timeNanos(),
                    e.processor(), Hex.u64(e.thread()), e.threadId(), e.processId(), e.process(), e.tagText(),
                    e.size(), Hex.u64(e.address()), e.kind().label(), e.broke(), String.join(" ", frames)));
        }
    }
}
