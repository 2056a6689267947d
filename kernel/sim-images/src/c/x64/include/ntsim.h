/*
 * Minimal Windows x64 kernel types for the simulated images. Field offsets follow the real
 * x64 layouts where a debugger or the simulator reads them (DRIVER_OBJECT.MajorFunction at
 * 0x70, IRP.Tail.Overlay.CurrentStackLocation at 0xb8, IO_STACK_LOCATION size 0x48,
 * POOL_HEADER 0x10 with PoolTag at +4, WORK_QUEUE_ITEM.WorkerRoutine at +0x10); everything
 * else is padding. Written for this project; no Windows headers are used.
 */
#ifndef NTSIM_H
#define NTSIM_H

typedef unsigned char UCHAR;
typedef unsigned short USHORT;
typedef unsigned int ULONG;
typedef int LONG;
typedef long long LONG64;
typedef unsigned long long ULONG64;
typedef unsigned long long SIZE_T;
typedef unsigned long long ULONG_PTR;
typedef void *PVOID;
typedef void *HANDLE;
typedef LONG NTSTATUS;
typedef unsigned char BOOLEAN;
typedef unsigned short WCHAR;

#define NTAPI
#define STATUS_SUCCESS ((NTSTATUS)0x00000000)
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000D)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009A)
#define STATUS_INVALID_DEVICE_REQUEST ((NTSTATUS)0xC0000010)

/* Pool tags are four ASCII bytes read as a little-endian ULONG. */
#define POOL_TAG(a, b, c, d) ((ULONG)(a) | ((ULONG)(b) << 8) | ((ULONG)(c) << 16) | ((ULONG)(d) << 24))

typedef enum _POOL_TYPE { NonPagedPool = 0, PagedPool = 1, NonPagedPoolNx = 0x200 } POOL_TYPE;

typedef struct _LIST_ENTRY {
    struct _LIST_ENTRY *Flink;
    struct _LIST_ENTRY *Blink;
} LIST_ENTRY;

typedef struct _UNICODE_STRING {
    USHORT Length;
    USHORT MaximumLength;
    ULONG Pad;
    WCHAR *Buffer;
} UNICODE_STRING;

typedef struct _IO_STATUS_BLOCK {
    NTSTATUS Status;
    ULONG Pad;
    ULONG_PTR Information;
} IO_STATUS_BLOCK;

struct _DEVICE_OBJECT;
struct _IRP;
struct _DRIVER_OBJECT;
typedef NTSTATUS (*PDRIVER_DISPATCH)(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);
typedef void (*PDRIVER_UNLOAD)(struct _DRIVER_OBJECT *DriverObject);

#define IRP_MJ_CREATE 0x00
#define IRP_MJ_CLOSE 0x02
#define IRP_MJ_DEVICE_CONTROL 0x0e
#define IRP_MJ_MAXIMUM_FUNCTION 0x1b

typedef struct _DRIVER_OBJECT {
    USHORT Type;                                              /* 0x00 */
    USHORT Size;                                              /* 0x02 */
    ULONG Pad0;
    struct _DEVICE_OBJECT *DeviceObject;                      /* 0x08 */
    ULONG Flags;                                              /* 0x10 */
    ULONG Pad1;
    PVOID DriverStart;                                        /* 0x18 */
    ULONG DriverSize;                                         /* 0x20 */
    ULONG Pad2;
    PVOID DriverSection;                                      /* 0x28 */
    PVOID DriverExtension;                                    /* 0x30 */
    UNICODE_STRING DriverName;                                /* 0x38 */
    PVOID HardwareDatabase;                                   /* 0x48 */
    PVOID FastIoDispatch;                                     /* 0x50 */
    PVOID DriverInit;                                         /* 0x58 */
    PVOID DriverStartIo;                                      /* 0x60 */
    PDRIVER_UNLOAD DriverUnload;                              /* 0x68 */
    PDRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM_FUNCTION + 1]; /* 0x70 */
} DRIVER_OBJECT;

typedef struct _DEVICE_OBJECT {
    USHORT Type;                                              /* 0x00 */
    USHORT Size;                                              /* 0x02 */
    LONG ReferenceCount;                                      /* 0x04 */
    DRIVER_OBJECT *DriverObject;                              /* 0x08 */
    struct _DEVICE_OBJECT *NextDevice;                        /* 0x10 */
    struct _DEVICE_OBJECT *AttachedDevice;                    /* 0x18 */
    struct _IRP *CurrentIrp;                                  /* 0x20 */
    PVOID Timer;                                              /* 0x28 */
    ULONG Flags;                                              /* 0x30 */
    ULONG Characteristics;                                    /* 0x34 */
    PVOID Vpb;                                                /* 0x38 */
    PVOID DeviceExtension;                                    /* 0x40 */
    ULONG DeviceType;                                         /* 0x48 */
    char StackSize;                                           /* 0x4c */
    UCHAR Pad[0x150 - 0x4d];
} DEVICE_OBJECT;

typedef struct _FILE_OBJECT {
    USHORT Type;                                              /* 0x00 */
    USHORT Size;                                              /* 0x02 */
    ULONG Pad0;
    DEVICE_OBJECT *DeviceObject;                              /* 0x08 */
    UCHAR Pad[0xd8 - 0x10];
} FILE_OBJECT;

typedef struct _IO_STACK_LOCATION {
    UCHAR MajorFunction;                                      /* 0x00 */
    UCHAR MinorFunction;                                      /* 0x01 */
    UCHAR Flags;                                              /* 0x02 */
    UCHAR Control;                                            /* 0x03 */
    ULONG Pad0;
    ULONG OutputBufferLength;                                 /* 0x08 Parameters.DeviceIoControl */
    ULONG Pad1;
    ULONG InputBufferLength;                                  /* 0x10 */
    ULONG Pad2;
    ULONG IoControlCode;                                      /* 0x18 */
    ULONG Pad3;
    PVOID Type3InputBuffer;                                   /* 0x20 */
    DEVICE_OBJECT *DeviceObject;                              /* 0x28 */
    FILE_OBJECT *FileObject;                                  /* 0x30 */
    PVOID CompletionRoutine;                                  /* 0x38 */
    PVOID Context;                                            /* 0x40 */
} IO_STACK_LOCATION;                                          /* 0x48 */

typedef struct _IRP {
    USHORT Type;                                              /* 0x00 */
    USHORT Size;                                              /* 0x02 */
    ULONG Pad0;
    PVOID MdlAddress;                                         /* 0x08 */
    ULONG Flags;                                              /* 0x10 */
    ULONG Pad1;
    PVOID SystemBuffer;                                       /* 0x18 AssociatedIrp */
    LIST_ENTRY ThreadListEntry;                               /* 0x20 */
    IO_STATUS_BLOCK IoStatus;                                 /* 0x30 */
    char RequestorMode;                                       /* 0x40 */
    BOOLEAN PendingReturned;                                  /* 0x41 */
    char StackCount;                                          /* 0x42 */
    char CurrentLocation;                                     /* 0x43 */
    UCHAR Pad2[0x70 - 0x44];
    PVOID UserBuffer;                                         /* 0x70 */
    UCHAR Pad3[0xb8 - 0x78];
    IO_STACK_LOCATION *CurrentStackLocation;                  /* 0xb8 Tail.Overlay */
    PVOID OriginalFileObject;                                 /* 0xc0 */
    PVOID Pad4;                                               /* 0xc8 */
} IRP;                                                        /* 0xd0, stack locations follow */

typedef void (*PWORKER_THREAD_ROUTINE)(PVOID Parameter);

typedef struct _WORK_QUEUE_ITEM {
    LIST_ENTRY List;                                          /* 0x00 */
    PWORKER_THREAD_ROUTINE WorkerRoutine;                     /* 0x10 */
    PVOID Parameter;                                          /* 0x18 */
} WORK_QUEUE_ITEM;

/* ntoskrnl exports. Drivers import them (__declspec(dllimport), as the WDK's NTKERNELAPI), so
 * their calls are `call qword ptr [__imp_X]`; the kernel's own C files define NTSIM_KERNEL and
 * call them directly. */
#ifdef NTSIM_KERNEL
#define NTKERNELAPI
#else
#define NTKERNELAPI __declspec(dllimport)
#endif
NTKERNELAPI PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
NTKERNELAPI void ExFreePoolWithTag(PVOID P, ULONG Tag);
NTKERNELAPI void ExFreePool(PVOID P);
NTKERNELAPI NTSTATUS IofCallDriver(DEVICE_OBJECT *DeviceObject, IRP *Irp);
NTKERNELAPI void IoCompleteRequest(IRP *Irp, char PriorityBoost);
NTKERNELAPI NTSTATUS IoCreateDevice(DRIVER_OBJECT *DriverObject, ULONG DeviceExtensionSize, UNICODE_STRING *DeviceName,
                        ULONG DeviceType, ULONG DeviceCharacteristics, BOOLEAN Exclusive,
                        DEVICE_OBJECT **DeviceObject);
NTKERNELAPI NTSTATUS IoCreateSymbolicLink(UNICODE_STRING *SymbolicLinkName, UNICODE_STRING *DeviceName);
NTKERNELAPI void IoDeleteDevice(DEVICE_OBJECT *DeviceObject);
NTKERNELAPI void RtlInitUnicodeString(UNICODE_STRING *Destination, const WCHAR *Source);
NTKERNELAPI void KeBugCheckEx(ULONG BugCheckCode, ULONG_PTR P1, ULONG_PTR P2, ULONG_PTR P3, ULONG_PTR P4);
NTKERNELAPI void DbgBreakPoint(void);
NTKERNELAPI void DbgBreakPointWithStatus(ULONG Status);

#endif
