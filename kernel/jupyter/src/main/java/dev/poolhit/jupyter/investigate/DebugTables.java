package dev.poolhit.jupyter.investigate;

import dev.poolhit.pool.trace.Missing;
import dev.poolhit.target.AddressStyle;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.pe.CodeViewInfo;
import dev.poolhit.target.stack.StackFrame;
import dev.poolhit.target.symbol.SymbolStatus;
import dev.poolhit.target.unwind.Reg;
import dev.poolhit.target.unwind.Registers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The everyday verbs' tables ({@code %lm}, {@code %symbols}, {@code %r}, {@code %k}); addresses print WinDbg style. */
final class DebugTables {
    private DebugTables() {}

    /** {@code start, end, module, image, pdb}; addresses as {@code style} prints them. */
    static Table modules(List<Module> modules, AddressStyle style) {
        LongColumn start = AddressFormat.column("start", style);
        LongColumn end = AddressFormat.column("end", style);
        StringColumn name = StringColumn.create("module");
        StringColumn image = StringColumn.create("image");
        StringColumn pdb = StringColumn.create("pdb");
        for (Module m : modules) {
            start.append(m.base());
            end.append(m.base() + m.size());
            name.append(m.name());
            image.append(m.imageName());
            pdb.append(m.codeView().map(CodeViewInfo::pdbFileName).orElse(Missing.TEXT));
        }
        return Table.create("modules", start, end, name, image, pdb);
    }

    /** {@code module, start, end, symbols (pdb/exports/none), detail}. */
    static Table symbols(List<Module> modules, List<SymbolStatus> statuses, AddressStyle style) {
        Table t = modules(modules, style).removeColumns("image", "pdb").setName("symbols");
        StringColumn source = StringColumn.create("symbols");
        StringColumn detail = StringColumn.create("detail");
        for (Module m : modules) {
            Optional<SymbolStatus> s = statuses.stream().filter(x -> x.module().equalsIgnoreCase(m.name())).findFirst();
            source.append(s.map(x -> x.source().name().toLowerCase(Locale.ROOT)).orElse("not loaded yet"));
            detail.append(s.map(SymbolStatus::detail).orElse(Missing.TEXT));
        }
        return t.addColumns(source, detail);
    }

    /** x86 names of the general-purpose registers in the {@link Reg} slots that hold them. */
    private static final List<String> X86_NAMES = List.of("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi");

    /**
     * {@code register, value}: the general-purpose registers and rip of the current processor; on
     * a 32-bit target eax..edi and eip, 8 digits each (the values sit in the RAX..RDI slots).
     */
    static Table registers(Registers registers, boolean x86) {
        if (x86) {
            StringColumn name = StringColumn.create("register", X86_NAMES);
            LongColumn value = AddressFormat.column32("value");
            for (int i = 0; i < X86_NAMES.size(); i++) {
                value.append(registers.get(Reg.of(i)) & 0xffffffffL);
            }
            name.append("eip");
            value.append(registers.rip() & 0xffffffffL);
            return Table.create("registers", name, value);
        }
        StringColumn name = StringColumn.create("register");
        LongColumn value = AddressFormat.column("value", AddressStyle.X64);
        for (Reg r : Reg.values()) {
            name.append(r.name().toLowerCase(Locale.ROOT));
            value.append(registers.get(r));
        }
        name.append("rip");
        value.append(registers.rip());
        return Table.create("registers", name, value);
    }

    /** {@code frame, child_sp, ret_addr, call_site}: {@code k} as a table. */
    static Table stack(List<StackFrame> frames, AddressStyle style) {
        IntColumn number = IntColumn.create("frame");
        LongColumn childSp = AddressFormat.column("child_sp", style);
        LongColumn ret = AddressFormat.column("ret_addr", style);
        StringColumn site = StringColumn.create("call_site");
        for (StackFrame f : frames) {
            number.append(f.number());
            childSp.append(f.childSp());
            ret.append(f.returnAddress().isPresent() ? f.returnAddress().getAsLong() : Missing.LONG);
            site.append(f.callSite());
        }
        return Table.create("stack", number, childSp, ret, site);
    }
}
