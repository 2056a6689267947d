/*
 * Kernel-executive glue of the simulated ntoskrnl: system-thread startup, the clock tick that
 * polls for a debugger break-in (the break-in scenario), the work routines that make normal
 * pool traffic, and small runtime routines (memset/memcpy, RtlInitUnicodeString).
 */
#include "ntsim.h"

#define NOINLINE __attribute__((noinline))

typedef void (*PKSTART_ROUTINE)(PVOID StartContext);

extern BOOLEAN KdDebuggerEnabled;
extern BOOLEAN KdPitchDebugger;
extern BOOLEAN KdpBreakInPending;
extern ULONG64 KeTickCount;
extern LIST_ENTRY ExpWorkerQueueHead;
void PspExitSystemThread(void);
void ExpWorkerThread(PVOID StartContext);

void *memset(void *dst, int value, SIZE_T count)
{
    volatile UCHAR *p = dst;
    for (SIZE_T i = 0; i < count; i++) {
        p[i] = (UCHAR)value;
    }
    return dst;
}

void *memcpy(void *dst, const void *src, SIZE_T count)
{
    volatile UCHAR *d = dst;
    const volatile UCHAR *s = src;
    for (SIZE_T i = 0; i < count; i++) {
        d[i] = s[i];
    }
    return dst;
}

void RtlInitUnicodeString(UNICODE_STRING *Destination, const WCHAR *Source)
{
    USHORT length = 0;
    if (Source != 0) {
        while (Source[length / 2] != 0) {
            length += 2;
        }
    }
    Destination->Length = length;
    Destination->MaximumLength = Source != 0 ? (USHORT)(length + 2) : 0;
    Destination->Buffer = (WCHAR *)Source;
}

void PspSystemThreadStartup(PKSTART_ROUTINE StartRoutine, PVOID StartContext)
{
    StartRoutine(StartContext);
    PspExitSystemThread();
}

void ExQueueWorkItem(WORK_QUEUE_ITEM *WorkItem, int QueueType)
{
    (void)QueueType;
    LIST_ENTRY *tail = ExpWorkerQueueHead.Blink;
    WorkItem->List.Flink = &ExpWorkerQueueHead;
    WorkItem->List.Blink = tail;
    tail->Flink = &WorkItem->List;
    ExpWorkerQueueHead.Blink = &WorkItem->List;
}

/* Paged pool, tag 'CM31', 0x200..0x9f8 bytes: a compiler-made frame with a large local buffer
 * (ALLOC_LARGE from clang), allocated and freed in the same call. */
NOINLINE void CmpLazyFlushWorker(PVOID Parameter)
{
    volatile UCHAR scratch[0x100];
    ULONG_PTR seed = (ULONG_PTR)Parameter;
    SIZE_T size = 0x200 + (seed & 0xff) * 8;
    UCHAR *bin = ExAllocatePoolWithTag(PagedPool, size, POOL_TAG('C', 'M', '3', '1'));
    if (bin == 0) {
        return;
    }
    for (int i = 0; i < 0x100; i++) {
        scratch[i] = (UCHAR)(seed + i);
    }
    bin[0] = scratch[seed & 0xff];
    ExFreePoolWithTag(bin, POOL_TAG('C', 'M', '3', '1'));
}

/* NonPagedPool, tag 'MmSt', big-pool sizes (0x1800 + n pages): ExpAllocateBigPool traffic. */
NOINLINE void MiSegmentDeleteWorker(PVOID Parameter)
{
    ULONG_PTR pages = ((ULONG_PTR)Parameter & 3) + 1;
    UCHAR *segment = ExAllocatePoolWithTag(NonPagedPool, 0x800 + pages * 0x1000, POOL_TAG('M', 'm', 'S', 't'));
    if (segment == 0) {
        return;
    }
    segment[0] = (UCHAR)pages;
    ExFreePoolWithTag(segment, POOL_TAG('M', 'm', 'S', 't'));
}

NOINLINE BOOLEAN KdPollBreakIn(void)
{
    BOOLEAN pending = KdpBreakInPending;
    KdpBreakInPending = 0;
    return pending;
}

NOINLINE void KdCheckForDebugBreak(void)
{
    if (KdPitchDebugger || !KdDebuggerEnabled) {
        return;
    }
    if (KdPollBreakIn()) {
        DbgBreakPointWithStatus(1); /* DBG_STATUS_CONTROL_C */
    }
}

void KeClockInterruptNotify(PVOID TrapFrame)
{
    (void)TrapFrame;
    KeTickCount++;
    KdCheckForDebugBreak();
}

/* Image entry point (the real kernel's KiSystemStartup). The simulator never runs it; it
 * initialises the lists so that the image is self-consistent when mapped by a native loader. */
void KiSystemStartup(PVOID LoaderBlock)
{
    (void)LoaderBlock;
    ExpWorkerQueueHead.Flink = &ExpWorkerQueueHead;
    ExpWorkerQueueHead.Blink = &ExpWorkerQueueHead;
}
