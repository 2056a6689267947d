package dev.poolhit.jupyter.magic;

import javax.lang.model.SourceVersion;

/**
 * Runs one magic part of a cell: finds the magic, tokenizes and parses its arguments, calls the
 * handler and, for magics declared with {@link Magic.Builder#bindsResultTo}, binds the result to
 * {@code --into VAR} or the default variable. The {@code --into} convention lives only here.
 */
public final class MagicRunner {
    private final MagicRegistry registry;
    private final VariableBinder binder;

    public MagicRunner(MagicRegistry registry, VariableBinder binder) {
        this.registry = registry;
        this.binder = binder;
    }

    public MagicResult run(CellPart part) throws Exception {
        if (part instanceof CellPart.LineMagic line) {
            return run(find("%", line.name()), line.args(), null);
        }
        if (part instanceof CellPart.CellMagic cell) {
            return run(find("%%", cell.name()), cell.args(), cell.body());
        }
        throw new IllegalArgumentException("not a magic: " + part);
    }

    private Magic find(String prefix, String name) {
        if (name.isEmpty()) {
            throw new MagicUsageException("a magic name must follow " + prefix, null);
        }
        Magic magic = registry.find(prefix + name);
        if (magic == null) {
            throw registry.unknown(prefix + name);
        }
        return magic;
    }

    private MagicResult run(Magic magic, String args, String body) throws Exception {
        MagicCall call = MagicCall.parse(magic, MagicTokenizer.tokenize(args, magic.usage()), body);
        String variable = null;
        if (magic.defaultBinding() != null) {
            variable = call.option(Magic.INTO).orElse(magic.defaultBinding());
            if (!SourceVersion.isIdentifier(variable) || SourceVersion.isKeyword(variable)) {
                throw call.usageError(Magic.INTO + ": '" + variable + "' is not a Java variable name");
            }
        }
        Object value = magic.handler().run(call);
        if (variable != null && value != null) {
            binder.bind(variable, value);
            return new MagicResult(value, variable);
        }
        return new MagicResult(value, null);
    }
}
