/*
 * myfault.sys: a leaky driver in the manner of Sysinternals NotMyFault's myfault.sys.
 * IOCTL_MYFAULT_LEAK allocates 'Lea2' blocks and never frees them (the leak the notebook hunts);
 * IOCTL_MYFAULT_ALLOC / IOCTL_MYFAULT_FREE allocate and later free 'Lea1' blocks (balanced
 * traffic). Sizes come from the input buffer. Every allocator call is a real
 * `call qword ptr [__imp_ExAllocatePoolWithTag]` into ntoskrnl.
 */
#include "ntsim.h"

#define NOINLINE __attribute__((noinline))
#define FILE_DEVICE_MYFAULT 0x8336
#define MYFAULT_CTL(function) ((ULONG)((FILE_DEVICE_MYFAULT << 16) | ((function) << 2)))
#define IOCTL_MYFAULT_LEAK MYFAULT_CTL(0x801)  /* 0x83362004 */
#define IOCTL_MYFAULT_ALLOC MYFAULT_CTL(0x802) /* 0x83362008 */
#define IOCTL_MYFAULT_FREE MYFAULT_CTL(0x803)  /* 0x8336200c */
#define TAG_LEAK POOL_TAG('L', 'e', 'a', '2')
#define TAG_BALANCED POOL_TAG('L', 'e', 'a', '1')
#define BALANCED_SLOTS 64

/* Input of all three IOCTLs. */
typedef struct _MYFAULT_REQUEST {
    ULONG Size;  /* bytes per block */
    ULONG Count; /* LEAK: blocks to leak; ALLOC/FREE: slot index */
} MYFAULT_REQUEST;

static PVOID MyfaultBalancedSlots[BALANCED_SLOTS];
static ULONG64 MyfaultLeakedBytes;

/* One leaked block per call (a loop here would let clang hoist the IAT load into a register
 * and emit `call rsi` instead of the `call [__imp_...]` a debugger expects from drivers). */
NOINLINE NTSTATUS MyfaultLeakPool(ULONG size)
{
    UCHAR *block = ExAllocatePoolWithTag(NonPagedPool, size, TAG_LEAK);
    if (block == 0) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    block[0] = 0x4c;
    MyfaultLeakedBytes += size;
    return STATUS_SUCCESS;
}

NOINLINE NTSTATUS MyfaultAllocBalanced(const MYFAULT_REQUEST *request)
{
    ULONG slot = request->Count % BALANCED_SLOTS;
    if (MyfaultBalancedSlots[slot] != 0) {
        return STATUS_INVALID_PARAMETER;
    }
    PVOID block = ExAllocatePoolWithTag(PagedPool, request->Size, TAG_BALANCED);
    if (block == 0) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MyfaultBalancedSlots[slot] = block;
    return STATUS_SUCCESS;
}

NOINLINE NTSTATUS MyfaultFreeBalanced(ULONG slot)
{
    slot %= BALANCED_SLOTS;
    PVOID block = MyfaultBalancedSlots[slot];
    if (block == 0) {
        return STATUS_INVALID_PARAMETER;
    }
    MyfaultBalancedSlots[slot] = 0;
    ExFreePoolWithTag(block, TAG_BALANCED);
    return STATUS_SUCCESS;
}

NTSTATUS MyfaultDeviceControl(DEVICE_OBJECT *DeviceObject, IRP *Irp)
{
    IO_STACK_LOCATION *stack = Irp->CurrentStackLocation;
    const MYFAULT_REQUEST *request = Irp->SystemBuffer;
    NTSTATUS status;
    (void)DeviceObject;
    if (request == 0 || stack->InputBufferLength < sizeof(MYFAULT_REQUEST)) {
        status = STATUS_INVALID_PARAMETER;
    } else {
        switch (stack->IoControlCode) {
        case IOCTL_MYFAULT_LEAK:
            status = STATUS_SUCCESS;
            for (ULONG i = 0; i < request->Count && i < 16 && status >= 0; i++) {
                status = MyfaultLeakPool(request->Size + i * 0x10);
            }
            break;
        case IOCTL_MYFAULT_ALLOC:
            status = MyfaultAllocBalanced(request);
            break;
        case IOCTL_MYFAULT_FREE:
            status = MyfaultFreeBalanced(request->Count);
            break;
        default:
            status = STATUS_INVALID_DEVICE_REQUEST;
            break;
        }
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, 0);
    return status;
}

NTSTATUS MyfaultCreateClose(DEVICE_OBJECT *DeviceObject, IRP *Irp)
{
    (void)DeviceObject;
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, 0);
    return STATUS_SUCCESS;
}

void MyfaultUnload(DRIVER_OBJECT *DriverObject)
{
    for (ULONG i = 0; i < BALANCED_SLOTS; i++) {
        if (MyfaultBalancedSlots[i] != 0) {
            ExFreePoolWithTag(MyfaultBalancedSlots[i], TAG_BALANCED);
            MyfaultBalancedSlots[i] = 0;
        }
    }
    IoDeleteDevice(DriverObject->DeviceObject);
}

static const WCHAR DeviceNameText[] = {'\\', 'D', 'e', 'v', 'i', 'c', 'e', '\\', 'M', 'y', 'f', 'a', 'u', 'l', 't', 0};
static const WCHAR LinkNameText[] = {'\\', 'D', 'o', 's', 'D', 'e', 'v', 'i', 'c', 'e', 's', '\\',
                                     'M', 'y', 'f', 'a', 'u', 'l', 't', 0};

NTSTATUS DriverEntry(DRIVER_OBJECT *DriverObject, UNICODE_STRING *RegistryPath)
{
    UNICODE_STRING deviceName;
    UNICODE_STRING linkName;
    DEVICE_OBJECT *device;
    (void)RegistryPath;
    RtlInitUnicodeString(&deviceName, DeviceNameText);
    NTSTATUS status = IoCreateDevice(DriverObject, 0, &deviceName, FILE_DEVICE_MYFAULT, 0, 0, &device);
    if (status < 0) {
        return status;
    }
    RtlInitUnicodeString(&linkName, LinkNameText);
    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (status < 0) {
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = MyfaultCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = MyfaultCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = MyfaultDeviceControl;
    DriverObject->DriverUnload = MyfaultUnload;
    return STATUS_SUCCESS;
}
