package dev.poolhit.target.os;

/**
 * A process as its EPROCESS says.
 *
 * @param eprocess      EPROCESS address
 * @param pid           UniqueProcessId
 * @param imageFileName ImageFileName (at most 15 characters, as the kernel truncates it)
 * @param peb           the user-mode PEB address, 0 for the System and Idle processes
 */
public record ProcessInfo(long eprocess, long pid, String imageFileName, long peb) {
    /** {@code leakyapp.exe (2500)}: image name and decimal process id, as Task Manager shows them. */
    public String text() {
        return imageFileName + " (" + pid + ")";
    }
}
