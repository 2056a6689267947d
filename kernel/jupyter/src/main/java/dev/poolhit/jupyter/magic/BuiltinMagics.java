package dev.poolhit.jupyter.magic;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code %help} and {@code %lsmagic}, which every PoolHit kernel has. */
public final class BuiltinMagics {
    private BuiltinMagics() {
    }

    /** Registers the built-ins into {@code registry}; they read it at call time, so later magics show too. */
    public static void registerInto(MagicRegistry registry) {
        registry.register(Magic.line("help")
                .summary("explain the kernel, or one magic")
                .usage("%help [MAGIC]")
                .help("MAGIC may be written with or without its % signs, e.g. %help trace or %help %%sql.")
                .handler(call -> help(registry, call))
                .build());
        registry.register(Magic.line("lsmagic")
                .summary("list every magic with its usage")
                .usage("%lsmagic")
                .handler(call -> {
                    call.expectPositionals(0, 0);
                    return list(registry);
                })
                .build());
    }

    private static String help(MagicRegistry registry, MagicCall call) {
        call.expectPositionals(0, 1);
        if (call.positionals().isEmpty()) {
            return MagicHelp.overview(registry);
        }
        String asked = call.positionals().get(0);
        if (asked.isBlank() || asked.equals("%") || asked.equals("%%")) {
            throw call.usageError("empty magic name: expected a name such as trace or %lsmagic");
        }
        Magic magic = asked.startsWith("%") ? registry.find(asked) : registry.findAny(asked);
        if (magic == null) {
            String key = asked.startsWith("%") ? asked : "%" + asked;
            throw call.usageError("no magic named " + key + Suggest.didYouMean(key, registry.keys()));
        }
        return MagicHelp.of(magic);
    }

    static Table list(MagicRegistry registry) {
        StringColumn names = StringColumn.create("magic");
        StringColumn usages = StringColumn.create("usage");
        StringColumn summaries = StringColumn.create("summary");
        for (Magic m : registry.all()) {
            names.append(m.prefix() + m.name());
            usages.append(m.usage());
            summaries.append(m.summary());
        }
        return Table.create("magics", names, usages, summaries);
    }
}
