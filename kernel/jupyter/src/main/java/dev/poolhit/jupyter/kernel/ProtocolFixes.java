package dev.poolhit.jupyter.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces basekernel 2.3.0's handlers whose replies the message schema rejects (no
 * {@code status} in kernel_info, shutdown, interrupt, comm_info and history replies; see
 * jupyter-kernel.md 1.12). Each handler publishes busy/idle around its reply as the stock ones do.
 */
final class ProtocolFixes {
    private final PoolHitKernel kernel;
    private final InMemoryHistory history;

    ProtocolFixes(PoolHitKernel kernel, InMemoryHistory history) {
        this.kernel = kernel;
        this.history = history;
    }

    void install(JupyterConnection conn) {
        conn.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, msg) -> {
            env.setBusyDeferIdle();
            reply(env, msg, MessageType.KERNEL_INFO_REPLY, kernelInfo());
        });
        conn.setHandler(MessageType.INTERRUPT_REQUEST, (env, msg) -> {
            env.setBusyDeferIdle();
            kernel.interrupt();
            reply(env, msg, MessageType.INTERRUPT_REPLY, ok());
        });
        conn.setHandler(MessageType.COMM_INFO_REQUEST, (env, msg) -> {
            env.setBusyDeferIdle();
            Map<String, Object> content = ok();
            content.put("comms", Map.of()); // this kernel opens no comms
            reply(env, msg, MessageType.COMM_INFO_REPLY, content);
        });
        conn.setHandler(MessageType.HISTORY_REQUEST, (env, msg) -> {
            env.setBusyDeferIdle();
            Map<String, Object> content = ok();
            content.put("history", historyRows(msg.getContent()));
            reply(env, msg, MessageType.HISTORY_REPLY, content);
        });
        conn.setHandler(MessageType.SHUTDOWN_REQUEST, (env, msg) -> {
            env.setStatusBusy();
            Map<String, Object> content = ok();
            content.put("restart", msg.getContent().isRestart());
            env.defer(() -> reply(env, msg, MessageType.SHUTDOWN_REPLY, content));
            kernel.onShutdown(msg.getContent().isRestart());
            env.resolveDeferrals();
            env.markForShutdown();
        });
    }

    private Map<String, Object> kernelInfo() {
        Map<String, Object> content = ok();
        content.put("protocol_version", Header.PROTOCOL_VERISON);
        content.put("implementation", PoolHitKernel.IMPLEMENTATION);
        content.put("implementation_version", PoolHitKernel.VERSION);
        content.put("language_info", kernel.getLanguageInfo());
        content.put("banner", kernel.getBanner());
        return content;
    }

    private List<Object> historyRows(HistoryRequest request) {
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> found;
        if (request instanceof HistoryRequest.Tail tail) {
            found = history.lookupTail(tail.getMaxReturnLength(), flags);
        } else if (request instanceof HistoryRequest.Range range) {
            found = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        } else if (request instanceof HistoryRequest.Search search) {
            if (search.filterUnique()) {
                flags.add(ResultFlag.UNIQUE);
            }
            found = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        } else {
            found = List.of();
        }
        List<Object> rows = new ArrayList<>();
        for (HistoryEntry e : found) {
            Object input = e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput();
            rows.add(List.of(e.getSession(), e.getCellNumber(), input));
        }
        return rows;
    }

    private static Map<String, Object> ok() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        return content;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void reply(ShellReplyEnvironment env, Message<?> request, MessageType<?> type,
                              Map<String, Object> content) {
        env.reply(new Message(request, type, content));
    }
}
