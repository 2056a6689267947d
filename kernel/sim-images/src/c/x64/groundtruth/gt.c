/*
 * Native ground truth for the simulated target's stacks (host: Linux x86-64).
 *
 * Maps ntoskrnl.exe and myfault.sys at fixed low addresses (relocated, myfault's imports bound to
 * nt's exports), runs myfault's DriverEntry, then drives the same code paths as the manifest's
 * scenarios (NtDeviceIoControlFile with the three IOCTLs, the work routines, the clock tick) with
 * PoolHitTag armed. Each int 3 raises SIGTRAP; the handler records the registers and the raw
 * stack from RSP to the top of the fixed stack, then returns, so execution continues into the
 * stub's `jmp back` exactly as after a debugger's RIP+1. Output: JSON on stdout.
 *
 * Everything is placed at fixed addresses and the images' nonvolatile registers start from
 * sentinels (gtcall.s), so the output is byte-for-byte reproducible.
 *
 * Usage: gt BIN_DIR  (symbol RVAs come from gt_symbols.h, generated from manifest.json)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "gt_symbols.h"

#define NT_BASE 0x10000000ull
#define MYFAULT_BASE 0x11000000ull
#define SMALL_POOL 0x20000000ull
#define BIG_POOL 0x21000000ull
#define POOL_SIZE 0x100000ull
#define OBJECTS 0x22000000ull
#define RETURN_STUB 0x2f000000ull
#define STACK_LOW 0x30000000ull
#define STACK_SIZE 0x10000ull
#define STACK_TOP (STACK_LOW + STACK_SIZE)

#define TAG(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

extern uint64_t gt_invoke(uint64_t fn, const uint64_t *args, int nargs, uint64_t stack_top);
extern char gt_resume[];

static const char *current_scenario_alloc;
static const char *current_scenario_free;
static int hits;

static void die(const char *what)
{
    fprintf(stderr, "gt: %s\n", what);
    exit(1);
}

static void *map_fixed(uint64_t address, uint64_t size)
{
    void *p = mmap((void *)address, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != (void *)address) {
        die("cannot map a fixed region");
    }
    return p;
}

static uint8_t *read_file(const char *dir, const char *name, size_t *size)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        die(path);
    }
    fseek(f, 0, SEEK_END);
    *size = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *bytes = malloc(*size);
    if (bytes == NULL || fread(bytes, 1, *size, f) != *size) {
        die("read");
    }
    fclose(f);
    return bytes;
}

static uint32_t u32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint16_t u16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static uint64_t u64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

/* Maps the PE at `base`, applies DIR64 relocations; returns the optional header's data directory. */
static const uint8_t *map_image(const char *dir, const char *name, uint64_t base)
{
    size_t size;
    uint8_t *file = read_file(dir, name, &size);
    const uint8_t *pe = file + u32(file + 0x3c);
    const uint8_t *opt = pe + 24;
    uint64_t preferred = u64(opt + 24);
    uint8_t *image = map_fixed(base, u32(opt + 56));
    memcpy(image, file, u32(opt + 60));
    const uint8_t *sections = opt + u16(pe + 20);
    for (int i = 0; i < u16(pe + 6); i++) {
        const uint8_t *s = sections + 40 * i;
        memcpy(image + u32(s + 12), file + u32(s + 20), u32(s + 16));
    }
    uint32_t reloc = u32(opt + 112 + 5 * 8), reloc_size = u32(opt + 112 + 5 * 8 + 4);
    for (uint32_t off = 0; off < reloc_size;) {
        uint32_t page = u32(image + reloc + off), block = u32(image + reloc + off + 4);
        for (uint32_t e = 8; e < block; e += 2) {
            uint16_t entry = u16(image + reloc + off + e);
            if (entry >> 12 == 10) {
                uint64_t *slot = (uint64_t *)(image + page + (entry & 0xfff));
                *slot = *slot - preferred + base;
            }
        }
        off += block;
    }
    return image + ((const uint8_t *)opt - file) + 112;
}

static uint64_t export_of(uint64_t base, const char *wanted)
{
    const uint8_t *image = (const uint8_t *)base;
    const uint8_t *dir = image + u32(image + u32(image + 0x3c) + 24 + 112);
    uint32_t count = u32(dir + 24);
    for (uint32_t i = 0; i < count; i++) {
        const char *name = (const char *)image + u32(image + u32(dir + 32) + 4 * i);
        if (strcmp(name, wanted) == 0) {
            uint16_t ordinal = u16(image + u32(dir + 36) + 2 * i);
            return base + u32(image + u32(dir + 28) + 4 * ordinal);
        }
    }
    die(wanted);
    return 0;
}

static void bind_imports(uint64_t base, uint64_t provider)
{
    uint8_t *image = (uint8_t *)base;
    uint32_t imports = u32(image + u32(image + 0x3c) + 24 + 112 + 8);
    for (uint8_t *d = image + imports; u32(d + 12) != 0; d += 20) {
        for (uint32_t i = 0;; i++) {
            uint64_t lookup = u64(image + u32(d) + 8 * i);
            if (lookup == 0) {
                break;
            }
            uint64_t target = export_of(provider, (const char *)image + (uint32_t)lookup + 2);
            memcpy(image + u32(d + 16) + 8 * i, &target, 8);
        }
    }
}

static void put_hex(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%02x", p[i]);
    }
}

static void on_trap(int sig, siginfo_t *info, void *raw)
{
    static const char *names[] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                  "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    static const int index[] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15};
    (void)sig;
    (void)info;
    greg_t *g = ((ucontext_t *)raw)->uc_mcontext.gregs;
    uint64_t rip = (uint64_t)g[REG_RIP] - 1; /* on the int 3, as Windows reports it */
    uint64_t rsp = (uint64_t)g[REG_RSP];
    uint64_t poolhit = *(uint32_t *)(NT_BASE + RVA_PoolHitTag);
    const char *scenario = rip - NT_BASE == RVA_BREAK_FREE_SMALL || rip - NT_BASE == RVA_BREAK_FREE_BIG
                               ? current_scenario_free : current_scenario_alloc;
    printf("%s  {\"scenario\": \"%s\", \"poolHitTag\": %llu, \"rip\": %llu,\n   \"registers\": {",
           hits++ ? ",\n" : "", scenario, (unsigned long long)poolhit, (unsigned long long)rip);
    for (int i = 0; i < 16; i++) {
        printf("%s\"%s\": %llu", i ? ", " : "", names[i], (unsigned long long)g[index[i]]);
    }
    printf("},\n   \"stackAddress\": %llu, \"stack\": \"", (unsigned long long)rsp);
    put_hex((const uint8_t *)rsp, STACK_TOP - rsp);
    printf("\"}");
}

/* gt_invoke always loads four register arguments, so short argument lists are zero-padded. */
static uint64_t call(uint64_t fn, const uint64_t *args, int nargs)
{
    uint64_t padded[12] = {0};
    memcpy(padded, args, sizeof(uint64_t) * (size_t)nargs);
    memset((void *)STACK_LOW, 0xcc, STACK_SIZE);
    return gt_invoke(fn, padded, nargs < 4 ? 4 : nargs, STACK_TOP - 0x100);
}

static void run(const char *alloc_scenario, const char *free_scenario, uint32_t tag, uint64_t fn,
                const uint64_t *args, int nargs)
{
    current_scenario_alloc = alloc_scenario;
    current_scenario_free = free_scenario;
    *(uint32_t *)(NT_BASE + RVA_PoolHitTag) = tag;
    call(fn, args, nargs);
    *(uint32_t *)(NT_BASE + RVA_PoolHitTag) = 0xffffff0f;
}

static void ioctl(const char *alloc_scenario, const char *free_scenario, uint32_t tag, uint32_t code,
                  uint32_t size, uint32_t count)
{
    uint32_t *request = (uint32_t *)(OBJECTS + 0x3000);
    request[0] = size;
    request[1] = count;
    uint64_t args[10] = {4, 0, 0, 0, OBJECTS + 0x3100, code, OBJECTS + 0x3000, 8, 0, 0};
    run(alloc_scenario, free_scenario, tag, NT_BASE + RVA_NtDeviceIoControlFile, args, 10);
}

static void set_up(const char *dir)
{
    map_image(dir, "ntoskrnl.exe", NT_BASE);
    map_image(dir, "myfault.sys", MYFAULT_BASE);
    bind_imports(MYFAULT_BASE, NT_BASE);
    map_fixed(SMALL_POOL, POOL_SIZE);
    map_fixed(BIG_POOL, POOL_SIZE);
    map_fixed(OBJECTS, 0x10000);
    map_fixed(STACK_LOW, STACK_SIZE);
    uint8_t *stub = map_fixed(RETURN_STUB, 0x1000);
    uint64_t resume = (uint64_t)gt_resume;
    memcpy(stub, "\x49\xbb", 2); /* movabs r11, gt_resume; jmp r11 */
    memcpy(stub + 2, &resume, 8);
    memcpy(stub + 10, "\x41\xff\xe3", 3);
    uint64_t *globals[] = {(uint64_t *)(NT_BASE + RVA_ExpSmallPoolCursor), (uint64_t *)(NT_BASE + RVA_ExpSmallPoolLimit),
                           (uint64_t *)(NT_BASE + RVA_ExpBigPoolCursor), (uint64_t *)(NT_BASE + RVA_ExpBigPoolLimit)};
    *globals[0] = SMALL_POOL;
    *globals[1] = SMALL_POOL + POOL_SIZE;
    *globals[2] = BIG_POOL;
    *globals[3] = BIG_POOL + POOL_SIZE;
    *(uint8_t *)(NT_BASE + RVA_KdDebuggerEnabled) = 1;
    uint64_t driver_object = OBJECTS, file_object = OBJECTS + 0x1000;
    uint64_t entry_args[2] = {driver_object, 0};
    call(NT_BASE + RVA_KiSystemStartup, entry_args, 1);
    call(MYFAULT_BASE + MYFAULT_RVA_DriverEntry, entry_args, 2);
    *(uint64_t *)(file_object + 8) = *(uint64_t *)(driver_object + 8); /* FILE_OBJECT.DeviceObject */
    ((uint64_t *)(NT_BASE + RVA_ObpSimpleHandleTable))[1] = file_object;  /* handle 4 */
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        die("usage: gt BIN_DIR");
    }
    stack_t alt = {.ss_sp = malloc(1 << 16), .ss_size = 1 << 16};
    struct sigaction sa = {.sa_sigaction = on_trap, .sa_flags = SA_SIGINFO | SA_ONSTACK};
    if (sigaltstack(&alt, NULL) != 0 || sigaction(SIGTRAP, &sa, NULL) != 0) {
        die("signal setup");
    }
    set_up(argv[1]);
    printf("{\"note\": \"native execution of ntoskrnl.exe and myfault.sys (see groundtruth/gt.c)\",\n"
           " \"modules\": [{\"name\": \"nt\", \"base\": %llu}, {\"name\": \"myfault\", \"base\": %llu}],\n"
           " \"returnStub\": %llu, \"entryRsp\": %llu,\n \"hits\": [\n",
           NT_BASE, MYFAULT_BASE, RETURN_STUB, STACK_TOP - 0x100 - 0x60 - 8);
    ioctl("ioctl-leak-Lea2-small", "none", TAG('L', 'e', 'a', '2'), 0x83362004, 0x100, 1);
    ioctl("ioctl-leak-Lea2-big", "none", TAG('L', 'e', 'a', '2'), 0x83362004, 0x1800, 1);
    ioctl("ioctl-alloc-Lea1", "none", TAG('L', 'e', 'a', '1'), 0x83362008, 0xa0, 5);
    ioctl("none", "ioctl-free-Lea1", TAG('L', 'e', 'a', '1'), 0x8336200c, 0, 5);
    ioctl("ioctl-irp-alloc", "ioctl-irp-free", TAG('I', 'r', 'p', ' '), 0x83362004, 0x100, 1);
    ioctl("ioctl-buffer-alloc", "ioctl-buffer-free", TAG('I', 'o', 'c', 't'), 0x83362004, 0x100, 1);
    uint64_t parameter[1] = {0x35};
    run("worker-CM31-alloc", "worker-CM31-free", TAG('C', 'M', '3', '1'), NT_BASE + RVA_CmpLazyFlushWorker, parameter, 1);
    run("worker-File-alloc", "worker-File-free", TAG('F', 'i', 'l', 'e'), NT_BASE + RVA_IopDereferenceFileWorker,
        parameter, 1);
    run("worker-MmSt-alloc", "worker-MmSt-free", TAG('M', 'm', 'S', 't'), NT_BASE + RVA_MiSegmentDeleteWorker,
        parameter, 1);
    *(uint8_t *)(NT_BASE + RVA_KdpBreakInPending) = 1;
    run("breakin-idle", "none", 0xffffff0f, NT_BASE + RVA_KeClockInterruptNotify, parameter, 1);
    printf("\n ]}\n");
    return 0;
}
