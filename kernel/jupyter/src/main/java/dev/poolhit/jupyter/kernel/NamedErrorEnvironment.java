package dev.poolhit.jupyter.kernel;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * basekernel 2.3.0 fills a failed cell's {@code ename} (in the iopub error and the execute reply)
 * with the Java exception's simple class name, e.g. {@code MagicUsageException}: a class name a
 * notebook user should never see. This reply environment swaps in the cell error's own name
 * ({@link ErrorNames}); the message and traceback are basekernel's, unchanged.
 */
final class NamedErrorEnvironment extends ShellReplyEnvironment {
    private Integer executionCount;

    NamedErrorEnvironment(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, MessageContext context) {
        super(shell, stdin, iopub, context);
    }

    @Override
    public void publish(Message<?> message) {
        Object content = message.getContent();
        if (content instanceof PublishExecuteInput input) {
            executionCount = input.getCount(); // the error reply's count, which ErrorReply does not expose
        }
        Optional<String> name = ErrorNames.peek();
        if (content instanceof PublishError error && name.isPresent()) {
            super.publish(new Message<>(getContext(), PublishError.MESSAGE_TYPE,
                    new PublishError(name.get(), error.getErrorMessage(), error.getStacktrace())));
            return;
        }
        super.publish(message);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void reply(Message<?> message) {
        if (message.getContent() instanceof ErrorReply error) {
            Optional<String> name = ErrorNames.take();
            if (name.isPresent()) {
                super.reply(new Message(getContext(), message.getHeader().getType(), content(name.get(), error)));
                return;
            }
        }
        super.reply(message);
    }

    /** The error reply as basekernel serializes it (status, ename, evalue, traceback, execution_count). */
    private Map<String, Object> content(String name, ErrorReply error) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "error");
        content.put("ename", name);
        content.put("evalue", error.getErrorMessage());
        content.put("traceback", error.getStacktrace());
        if (executionCount != null) {
            content.put("execution_count", executionCount);
        }
        return content;
    }
}
