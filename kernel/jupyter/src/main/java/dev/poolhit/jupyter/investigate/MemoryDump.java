package dev.poolhit.jupyter.investigate;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.AddressStyle;

/** {@code db}/{@code dd}/{@code dq} text, laid out as WinDbg prints it (16 bytes a line). */
final class MemoryDump {
    private MemoryDump() {}

    /** The address column as {@code style} prints addresses; qwords keep 16 digits, as WinDbg's dq on x86. */
    static String of(long address, byte[] data, int unit, AddressStyle style) {
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < data.length; line += 16) {
            out.append(style.text(address + line)).append(' ');
            int end = Math.min(data.length, line + 16);
            for (int i = line; i < end; i += unit) {
                out.append(unit == 1 && i == line + 8 ? '-' : ' ').append(value(data, i, unit));
            }
            if (unit == 1) {
                out.append(" ".repeat(3 * (line + 16 - end) + 2)).append(ascii(data, line, end));
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String value(byte[] data, int i, int unit) {
        return switch (unit) {
            case 1 -> String.format("%02x", data[i] & 0xff);
            case 4 -> String.format("%08x", LittleEndian.u32(data, i));
            default -> Hex.u64(LittleEndian.u64(data, i));
        };
    }

    private static String ascii(byte[] data, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            int b = data[i] & 0xff;
            out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return out.toString();
    }
}
