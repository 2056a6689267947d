/*
 * Minimal Windows x86 (32-bit) kernel types for the simulated x86 images, compiled together with
 * the x64 directory's C files (../x64/nt, ../x64/myfault, ../x64/leakyapp) with clang -mrtd, so
 * every function is __stdcall (NTAPI, as the real 32-bit kernel) unless declared otherwise here.
 * Field offsets follow the real x86 layouts where a debugger or the simulator reads them
 * (DRIVER_OBJECT.MajorFunction 0x38, DEVICE_OBJECT.DriverObject 8, IRP.SystemBuffer 0xc,
 * IRP.Tail.Overlay.CurrentStackLocation 0x60, IO_STACK_LOCATION 0x24 with IoControlCode at 0xc,
 * POOL_HEADER 8 bytes with PoolTag at +4, WORK_QUEUE_ITEM.WorkerRoutine 8 / Parameter 0xc).
 * Written for this project; no Windows headers are used.
 */
#ifndef NTSIM_H
#define NTSIM_H

typedef unsigned char UCHAR;
typedef unsigned short USHORT;
typedef unsigned int ULONG;
typedef int LONG;
typedef long long LONG64;
typedef unsigned long long ULONG64;
typedef unsigned int SIZE_T;
typedef unsigned int ULONG_PTR;
typedef void *PVOID;
typedef void *HANDLE;
typedef LONG NTSTATUS;
typedef unsigned char BOOLEAN;
typedef unsigned short WCHAR;

#define NTAPI __stdcall
#define STATUS_SUCCESS ((NTSTATUS)0x00000000)
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000D)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009A)
#define STATUS_INVALID_DEVICE_REQUEST ((NTSTATUS)0xC0000010)

#define POOL_TAG(a, b, c, d) ((ULONG)(a) | ((ULONG)(b) << 8) | ((ULONG)(c) << 16) | ((ULONG)(d) << 24))

typedef enum _POOL_TYPE { NonPagedPool = 0, PagedPool = 1, NonPagedPoolNx = 0x200 } POOL_TYPE;

typedef struct _LIST_ENTRY {
    struct _LIST_ENTRY *Flink;
    struct _LIST_ENTRY *Blink;
} LIST_ENTRY;

typedef struct _UNICODE_STRING {
    USHORT Length;
    USHORT MaximumLength;
    WCHAR *Buffer;                                            /* 0x04 */
} UNICODE_STRING;

typedef struct _IO_STATUS_BLOCK {
    NTSTATUS Status;
    ULONG_PTR Information;                                    /* 0x04 */
} IO_STATUS_BLOCK;

struct _DEVICE_OBJECT;
struct _IRP;
struct _DRIVER_OBJECT;
typedef NTSTATUS (NTAPI *PDRIVER_DISPATCH)(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);
typedef void (NTAPI *PDRIVER_UNLOAD)(struct _DRIVER_OBJECT *DriverObject);

#define IRP_MJ_CREATE 0x00
#define IRP_MJ_CLOSE 0x02
#define IRP_MJ_DEVICE_CONTROL 0x0e
#define IRP_MJ_MAXIMUM_FUNCTION 0x1b

typedef struct _DRIVER_OBJECT {
    USHORT Type;                                              /* 0x00 */
    USHORT Size;                                              /* 0x02 */
    struct _DEVICE_OBJECT *DeviceObject;                      /* 0x04 */
    ULONG Flags;                                              /* 0x08 */
    PVOID DriverStart;                                        /* 0x0c */
    ULONG DriverSize;                                         /* 0x10 */
    PVOID DriverSection;                                      /* 0x14 */
    PVOID DriverExtension;                                    /* 0x18 */
    UNICODE_STRING DriverName;                                /* 0x1c */
    PVOID HardwareDatabase;                                   /* 0x24 */
    PVOID FastIoDispatch;                                     /* 0x28 */
    PVOID DriverInit;                                         /* 0x2c */
    PVOID DriverStartIo;                                      /* 0x30 */
    PDRIVER_UNLOAD DriverUnload;                              /* 0x34 */
    PDRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM_FUNCTION + 1]; /* 0x38 */
} DRIVER_OBJECT;

typedef struct _DEVICE_OBJECT {
    USHORT Type;                                              /* 0x00 */
    USHORT Size;                                              /* 0x02 */
    LONG ReferenceCount;                                      /* 0x04 */
    DRIVER_OBJECT *DriverObject;                              /* 0x08 */
    struct _DEVICE_OBJECT *NextDevice;                        /* 0x0c */
    struct _DEVICE_OBJECT *AttachedDevice;                    /* 0x10 */
    struct _IRP *CurrentIrp;                                  /* 0x14 */
    PVOID Timer;                                              /* 0x18 */
    ULONG Flags;                                              /* 0x1c */
    ULONG Characteristics;                                    /* 0x20 */
    PVOID Vpb;                                                /* 0x24 */
    PVOID DeviceExtension;                                    /* 0x28 */
    ULONG DeviceType;                                         /* 0x2c */
    char StackSize;                                           /* 0x30 */
    UCHAR Pad[0xb8 - 0x31];
} DEVICE_OBJECT;

typedef struct _FILE_OBJECT {
    USHORT Type;                                              /* 0x00 */
    USHORT Size;                                              /* 0x02 */
    DEVICE_OBJECT *DeviceObject;                              /* 0x04 */
    UCHAR Pad[0x80 - 0x08];
} FILE_OBJECT;

typedef struct _IO_STACK_LOCATION {
    UCHAR MajorFunction;                                      /* 0x00 */
    UCHAR MinorFunction;                                      /* 0x01 */
    UCHAR Flags;                                              /* 0x02 */
    UCHAR Control;                                            /* 0x03 */
    ULONG OutputBufferLength;                                 /* 0x04 Parameters.DeviceIoControl */
    ULONG InputBufferLength;                                  /* 0x08 */
    ULONG IoControlCode;                                      /* 0x0c */
    PVOID Type3InputBuffer;                                   /* 0x10 */
    DEVICE_OBJECT *DeviceObject;                              /* 0x14 */
    FILE_OBJECT *FileObject;                                  /* 0x18 */
    PVOID CompletionRoutine;                                  /* 0x1c */
    PVOID Context;                                            /* 0x20 */
} IO_STACK_LOCATION;                                          /* 0x24 */

typedef struct _IRP {
    USHORT Type;                                              /* 0x00 */
    USHORT Size;                                              /* 0x02 */
    PVOID MdlAddress;                                         /* 0x04 */
    ULONG Flags;                                              /* 0x08 */
    PVOID SystemBuffer;                                       /* 0x0c AssociatedIrp */
    LIST_ENTRY ThreadListEntry;                               /* 0x10 */
    IO_STATUS_BLOCK IoStatus;                                 /* 0x18 */
    char RequestorMode;                                       /* 0x20 */
    BOOLEAN PendingReturned;                                  /* 0x21 */
    char StackCount;                                          /* 0x22 */
    char CurrentLocation;                                     /* 0x23 */
    UCHAR Pad2[0x3c - 0x24];
    PVOID UserBuffer;                                         /* 0x3c */
    UCHAR Pad3[0x60 - 0x40];
    IO_STACK_LOCATION *CurrentStackLocation;                  /* 0x60 Tail.Overlay */
    PVOID OriginalFileObject;                                 /* 0x64 */
    PVOID Pad4[2];                                            /* 0x68 */
} IRP;                                                        /* 0x70, stack locations follow */

typedef void (NTAPI *PWORKER_THREAD_ROUTINE)(PVOID Parameter);

typedef struct _WORK_QUEUE_ITEM {
    LIST_ENTRY List;                                          /* 0x00 */
    PWORKER_THREAD_ROUTINE WorkerRoutine;                     /* 0x08 */
    PVOID Parameter;                                          /* 0x0c */
} WORK_QUEUE_ITEM;

/* The C runtime helpers are __cdecl on x86 (the compiler calls memset/memcpy that way); the
 * definitions in ../x64/nt/ke.c inherit it from these declarations. */
void *__cdecl memset(void *dst, int value, SIZE_T count);
void *__cdecl memcpy(void *dst, const void *src, SIZE_T count);

#ifdef NTSIM_KERNEL
#define NTKERNELAPI
#else
#define NTKERNELAPI __declspec(dllimport)
#endif
NTKERNELAPI PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
NTKERNELAPI void ExFreePoolWithTag(PVOID P, ULONG Tag);
NTKERNELAPI void ExFreePool(PVOID P);
/* __fastcall on x86, as the real IofCallDriver (ECX = DeviceObject, EDX = Irp). */
NTKERNELAPI NTSTATUS __fastcall IofCallDriver(DEVICE_OBJECT *DeviceObject, IRP *Irp);
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
