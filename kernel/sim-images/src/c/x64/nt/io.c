/*
 * I/O manager of the simulated ntoskrnl: the IOCTL path NtDeviceIoControlFile ->
 * IopXxxControlFile -> IofCallDriver (assembly, indirect call into the driver), with the IRP
 * ('Irp ') and the METHOD_BUFFERED system buffer ('Ioct') allocated and freed on the way.
 */
#include "ntsim.h"

#define NOINLINE __attribute__((noinline))
#define TAG_IRP POOL_TAG('I', 'r', 'p', ' ')
#define TAG_IOCTL_BUFFER POOL_TAG('I', 'o', 'c', 't')
#define TAG_DEVICE POOL_TAG('D', 'e', 'v', 'i')

extern FILE_OBJECT *ObpSimpleHandleTable[64];
void *memset(void *dst, int value, SIZE_T count);
void *memcpy(void *dst, const void *src, SIZE_T count);

NOINLINE FILE_OBJECT *ObpReferenceFileObject(HANDLE Handle)
{
    ULONG_PTR index = (ULONG_PTR)Handle >> 2;
    if (index == 0 || index >= 64) {
        return 0;
    }
    return ObpSimpleHandleTable[index];
}

NOINLINE IRP *IoAllocateIrp(char StackSize, BOOLEAN ChargeQuota)
{
    SIZE_T size = sizeof(IRP) + (SIZE_T)StackSize * sizeof(IO_STACK_LOCATION);
    IRP *irp = ExAllocatePoolWithTag(NonPagedPoolNx, size, TAG_IRP);
    if (irp == 0) {
        return 0;
    }
    memset(irp, 0, size);
    irp->Type = 6;
    irp->Size = (USHORT)size;
    irp->StackCount = StackSize;
    irp->CurrentLocation = (char)(StackSize + 1);
    irp->CurrentStackLocation = (IO_STACK_LOCATION *)(irp + 1) + StackSize;
    irp->Flags = ChargeQuota ? 0x10 : 0;
    return irp;
}

NOINLINE void IoFreeIrp(IRP *Irp)
{
    ExFreePoolWithTag(Irp, TAG_IRP);
}

void IoCompleteRequest(IRP *Irp, char PriorityBoost)
{
    Irp->PendingReturned = 0;
    Irp->Flags |= 0x100u | (ULONG)(UCHAR)PriorityBoost << 16;
}

NOINLINE NTSTATUS IopXxxControlFile(HANDLE FileHandle, HANDLE Event, PVOID ApcRoutine, PVOID ApcContext,
                                    IO_STATUS_BLOCK *IoStatusBlock, ULONG IoControlCode, PVOID InputBuffer,
                                    ULONG InputBufferLength, PVOID OutputBuffer, ULONG OutputBufferLength,
                                    BOOLEAN DeviceIoControl)
{
    FILE_OBJECT *fileObject = ObpReferenceFileObject(FileHandle);
    if (fileObject == 0 || Event != 0 || ApcRoutine != 0 || ApcContext != 0) {
        return STATUS_INVALID_HANDLE;
    }
    DEVICE_OBJECT *device = fileObject->DeviceObject;
    IRP *irp = IoAllocateIrp(device->StackSize, 0);
    if (irp == 0) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ULONG bufferLength = InputBufferLength > OutputBufferLength ? InputBufferLength : OutputBufferLength;
    if (bufferLength != 0) {
        irp->SystemBuffer = ExAllocatePoolWithTag(NonPagedPoolNx, bufferLength, TAG_IOCTL_BUFFER);
        if (irp->SystemBuffer == 0) {
            IoFreeIrp(irp);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        memcpy(irp->SystemBuffer, InputBuffer, InputBufferLength);
    }
    irp->UserBuffer = OutputBuffer;
    irp->RequestorMode = 1;
    irp->OriginalFileObject = fileObject;
    IO_STACK_LOCATION *next = irp->CurrentStackLocation - 1;
    next->MajorFunction = DeviceIoControl ? IRP_MJ_DEVICE_CONTROL : 0x0f;
    next->IoControlCode = IoControlCode;
    next->InputBufferLength = InputBufferLength;
    next->OutputBufferLength = OutputBufferLength;
    next->FileObject = fileObject;
    NTSTATUS status = IofCallDriver(device, irp);
    if (irp->SystemBuffer != 0) {
        if (status >= 0 && OutputBuffer != 0) {
            SIZE_T copied = irp->IoStatus.Information < OutputBufferLength ? irp->IoStatus.Information
                                                                           : OutputBufferLength;
            memcpy(OutputBuffer, irp->SystemBuffer, copied);
        }
        ExFreePoolWithTag(irp->SystemBuffer, TAG_IOCTL_BUFFER);
    }
    if (IoStatusBlock != 0) {
        *IoStatusBlock = irp->IoStatus;
    }
    IoFreeIrp(irp);
    return status;
}

NTSTATUS NtDeviceIoControlFile(HANDLE FileHandle, HANDLE Event, PVOID ApcRoutine, PVOID ApcContext,
                               IO_STATUS_BLOCK *IoStatusBlock, ULONG IoControlCode, PVOID InputBuffer,
                               ULONG InputBufferLength, PVOID OutputBuffer, ULONG OutputBufferLength)
{
    return IopXxxControlFile(FileHandle, Event, ApcRoutine, ApcContext, IoStatusBlock, IoControlCode,
                             InputBuffer, InputBufferLength, OutputBuffer, OutputBufferLength, 1);
}

NTSTATUS IoCreateDevice(DRIVER_OBJECT *DriverObject, ULONG DeviceExtensionSize, UNICODE_STRING *DeviceName,
                        ULONG DeviceType, ULONG DeviceCharacteristics, BOOLEAN Exclusive,
                        DEVICE_OBJECT **DeviceObject)
{
    SIZE_T size = sizeof(DEVICE_OBJECT) + DeviceExtensionSize;
    DEVICE_OBJECT *device = ExAllocatePoolWithTag(NonPagedPoolNx, size, TAG_DEVICE);
    if (device == 0) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    memset(device, 0, size);
    device->Type = 3;
    device->Size = (USHORT)size;
    device->DriverObject = DriverObject;
    device->NextDevice = DriverObject->DeviceObject;
    device->DeviceType = DeviceType;
    device->Characteristics = DeviceCharacteristics;
    device->Flags = Exclusive ? 8 : 0;
    device->StackSize = 1;
    device->DeviceExtension = DeviceExtensionSize ? (PVOID)(device + 1) : 0;
    DriverObject->DeviceObject = device;
    (void)DeviceName;
    *DeviceObject = device;
    return STATUS_SUCCESS;
}

void IoDeleteDevice(DEVICE_OBJECT *DeviceObject)
{
    DeviceObject->DriverObject->DeviceObject = DeviceObject->NextDevice;
    ExFreePoolWithTag(DeviceObject, TAG_DEVICE);
}

NTSTATUS IoCreateSymbolicLink(UNICODE_STRING *SymbolicLinkName, UNICODE_STRING *DeviceName)
{
    return SymbolicLinkName->Length != 0 && DeviceName->Length != 0 ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
