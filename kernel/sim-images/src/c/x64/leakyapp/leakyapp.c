/*
 * leakyapp.exe: the user-mode program that drives myfault.sys, in the role of NotMyFault.exe.
 * Its main loop issues IOCTL_MYFAULT_LEAK, _ALLOC and _FREE through ntdll!NtDeviceIoControlFile,
 * so a stack taken at a pool break runs from the kernel down into these frames.
 */
typedef long NTSTATUS;
typedef unsigned int ULONG;
typedef void *HANDLE;

typedef struct _IO_STATUS_BLOCK {
    NTSTATUS Status;
    ULONG Pad;
    unsigned long long Information;
} IO_STATUS_BLOCK;

typedef struct _MYFAULT_REQUEST {
    ULONG Size;
    ULONG Count;
} MYFAULT_REQUEST;

__declspec(dllimport) NTSTATUS NtDeviceIoControlFile(HANDLE FileHandle, HANDLE Event, void *ApcRoutine,
                                                     void *ApcContext, IO_STATUS_BLOCK *IoStatusBlock,
                                                     ULONG IoControlCode, void *InputBuffer,
                                                     ULONG InputBufferLength, void *OutputBuffer,
                                                     ULONG OutputBufferLength);

#define NOINLINE __attribute__((noinline))
#define IOCTL_MYFAULT_LEAK 0x83362004u
#define IOCTL_MYFAULT_ALLOC 0x83362008u
#define IOCTL_MYFAULT_FREE 0x8336200cu

/* Handle of \\.\Myfault, opened by the simulator's process setup (handle 4 in its table). */
HANDLE LeakyDeviceHandle = (HANDLE)4;
volatile ULONG LeakyIterations = 0xffffffffu;

NOINLINE NTSTATUS LeakyIssueIoctl(ULONG code, ULONG size, ULONG count)
{
    IO_STATUS_BLOCK iosb;
    MYFAULT_REQUEST request = {size, count};
    NTSTATUS status = NtDeviceIoControlFile(LeakyDeviceHandle, 0, 0, 0, &iosb, code, &request,
                                            sizeof(request), 0, 0);
    return status < 0 ? status : iosb.Status;
}

int LeakyMain(void *argument)
{
    (void)argument;
    ULONG failures = 0;
    for (ULONG i = 0; i < LeakyIterations; i++) {
        ULONG size = 0x100 + (i % 7) * 0x40;
        failures += LeakyIssueIoctl(IOCTL_MYFAULT_LEAK, size, 1 + i % 3) < 0;
        failures += LeakyIssueIoctl(IOCTL_MYFAULT_ALLOC, 0x80 + (i % 5) * 0x20, i % 64) < 0;
        failures += LeakyIssueIoctl(IOCTL_MYFAULT_FREE, 0, i % 64) < 0;
    }
    return (int)failures;
}
