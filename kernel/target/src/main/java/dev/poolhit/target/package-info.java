/**
 * The debugger model (product.md section 2): memory, modules, PE images, x64 unwinding and
 * symbols, built on small interfaces of its own ({@link dev.poolhit.target.memory.VirtualMemory})
 * so that only {@code target.kd} sees the wire. Errors are the unchecked {@link
 * dev.poolhit.target.TargetException} family.
 */
package dev.poolhit.target;
