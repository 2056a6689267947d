package dev.poolhit.jupyter.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A registered magic: everything {@code %help}, completion, inspection and dispatch need.
 * Build one with {@link #line(String)} or {@link #cell(String)}:
 * <pre>{@code
 * Magic.line("poolhittag").summary("Set nt!PoolHitTag").usage("%poolhittag [TAG]")
 *      .option("--at", "ADDR", "address of PoolHitTag when there are no symbols")
 *      .help("TAG is Lea2, 'Lea ' or 0x3261654c ...").handler(call -> ...).build();
 * }</pre>
 *
 * @param name           without the percent signs
 * @param cell           true for a {@code %%cell} magic (gets the cell body)
 * @param summary        one line for {@code %lsmagic}
 * @param usage          one line, e.g. {@code %trace N [--timeout S] [--into VAR]}
 * @param options        known {@code --options}; anything else is a usage error
 * @param help           longer text for {@code %help NAME} and Shift+Tab
 * @param defaultBinding when non-null, the result is bound to a JShell variable of this name,
 *                       or to {@code --into VAR}
 * @param handler        the code
 */
public record Magic(String name, boolean cell, String summary, String usage, List<MagicOption> options,
                    String help, String defaultBinding, MagicHandler handler) {
    /** The option every result-binding magic gets from the framework. */
    public static final String INTO = "--into";

    public Magic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler of %" + name);
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("magic name must be a word: " + name);
        }
        options = List.copyOf(options);
    }

    /** Prefix: {@code %} or {@code %%}. */
    public String prefix() {
        return cell ? "%%" : "%";
    }

    /** The option named {@code name}, or null. */
    public MagicOption option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst().orElse(null);
    }

    public static Builder line(String name) {
        return new Builder(name, false);
    }

    public static Builder cell(String name) {
        return new Builder(name, true);
    }

    /** Fluent construction; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private final boolean cell;
        private String summary = "";
        private String usage;
        private String help = "";
        private String defaultBinding;
        private MagicHandler handler;
        private final List<MagicOption> options = new ArrayList<>();

        private Builder(String name, boolean cell) {
            this.name = name;
            this.cell = cell;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder usage(String line) {
            this.usage = line;
            return this;
        }

        public Builder help(String text) {
            this.help = text;
            return this;
        }

        public Builder option(String optionName, String argument, String description) {
            options.add(new MagicOption(optionName, argument, description));
            return this;
        }

        public Builder flag(String optionName, String description) {
            return option(optionName, null, description);
        }

        /** Binds the result to {@code variable}, or to the {@code --into VAR} the user gives. */
        public Builder bindsResultTo(String variable) {
            this.defaultBinding = variable;
            options.add(new MagicOption(INTO, "VAR", "bind the result to JShell variable VAR (default "
                    + variable + ")"));
            return this;
        }

        public Builder handler(MagicHandler code) {
            this.handler = code;
            return this;
        }

        /** {@code %name [--opt ARG] [--flag]}: every option the magic accepts, so a usage error shows them. */
        private String defaultUsage() {
            StringBuilder line = new StringBuilder(cell ? "%%" : "%").append(name);
            for (MagicOption o : options) {
                line.append(" [").append(o.synopsis()).append(']');
            }
            return line.toString();
        }

        public Magic build() {
            String line = usage != null ? usage : defaultUsage();
            return new Magic(name, cell, summary, line, options, help, defaultBinding, handler);
        }
    }
}
