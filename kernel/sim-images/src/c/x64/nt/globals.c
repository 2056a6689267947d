/*
 * Global data of the simulated ntoskrnl. Everything the simulator fills in at load time lives
 * here, in .data (zero-initialised arrays are forced into .data so their bytes are in the file,
 * as the real kernel's KdDebuggerDataBlock is).
 */
#include "ntsim.h"

#define DATA __attribute__((section(".data")))

/* Idle value as on Windows (domain.md 2.1). Not exported: only the PDB publics name it. */
ULONG PoolHitTag = 0xffffff0f;

/* Exported: the loaded-module list head (KLDR_DATA_TABLE_ENTRY.InLoadOrderLinks). */
DATA LIST_ENTRY PsLoadedModuleList;
DATA LIST_ENTRY PsActiveProcessHead;
DATA PVOID PsInitialSystemProcess;

/* KDDEBUGGER_DATA64 (0x368 bytes) and the list of debugger data blocks; the simulator fills both. */
DATA UCHAR KdDebuggerDataBlock[0x368];
DATA LIST_ENTRY KdpDebuggerDataListHead;
/* DBGKD_GET_VERSION64, also filled by the simulator. */
DATA UCHAR KdVersionBlock[0x28];
DATA BOOLEAN KdDebuggerEnabled;
DATA BOOLEAN KdPitchDebugger;
DATA BOOLEAN KdpBreakInPending;

/* Per-processor blocks: the simulator allocates KPRCBs and stores their addresses here. */
DATA PVOID KiProcessorBlock[64];
DATA char KeNumberProcessors;
ULONG NtBuildNumber = 0xf0001db1; /* 7601, free build */
DATA ULONG64 KeTickCount;
DATA ULONG KiBugCheckData[5];

/* Pool state: the simulator points the cursors at memory it backs. */
DATA UCHAR *ExpSmallPoolCursor;
DATA UCHAR *ExpSmallPoolLimit;
DATA UCHAR *ExpBigPoolCursor;
DATA UCHAR *ExpBigPoolLimit;
DATA UCHAR PoolBigPageTable[256 * 0x18];
DATA ULONG64 ExpSmallPoolAllocations;
DATA ULONG64 ExpSmallPoolFrees;
DATA ULONG64 ExpBigPoolAllocations;
DATA ULONG64 ExpBigPoolFrees;

/* Worker queue (WORK_QUEUE_ITEM list) and a simple handle table of FILE_OBJECT pointers. */
DATA LIST_ENTRY ExpWorkerQueueHead;
DATA ULONG64 ExpWorkerItemsProcessed;
DATA FILE_OBJECT *ObpSimpleHandleTable[64];
