package dev.poolhit.jupyter.magic;

/**
 * One {@code --option} of a magic, as shown by {@code %help}, Tab completion and Shift+Tab.
 *
 * @param name        the option with its dashes, e.g. {@code --timeout}
 * @param argument    placeholder of its value, e.g. {@code S}; null for a flag
 * @param description one line
 */
public record MagicOption(String name, String argument, String description) {
    public MagicOption {
        if (name == null || !name.matches("--[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option name must look like --name: " + name);
        }
    }

    /** True when the option consumes the next token as its value. */
    public boolean takesValue() {
        return argument != null;
    }

    /** {@code --timeout S} or {@code --patch}. */
    public String synopsis() {
        return takesValue() ? name + " " + argument : name;
    }
}
