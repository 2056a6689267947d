"""Kernel responsiveness benchmark (issue 11), through a real jupyter_client.

Measures, for the installed kernelspec $POOLHIT_KERNEL_NAME (install/bench.sh installs it into a
temporary $JUPYTER_PATH, as install/test.sh does):
  * ready time: from start_new_kernel() until the kernel_info reply and its idle status;
  * the round trip of a trivial Java cell (`1+1`): execute_request sent to status idle received,
    over --runs runs right after the first cell (cold: javac still interpreted), as median and p90,
    and again after --settle seconds of idle (settled: the kernel's background JIT warm-up done);
  * the same for kernel_info_request, which involves no JShell: the shell loop's own latency.
Prints one "FIGURE name value unit (target ...)" line per figure. Asserts nothing about speed:
it is deliberately not named test_*, so the test suites never run it.

    JUPYTER_PATH=... POOLHIT_KERNEL_NAME=poolhit-test /usr/bin/python3 bench_kernel.py --runs 200
"""
import argparse
import os
import statistics
import time

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("POOLHIT_KERNEL_NAME", "poolhit-test")
WARM_UP_TIMEOUT = 180
CELL_TIMEOUT = 60


def idle_for(kc, msg_id, timeout):
    """Blocks until the IOPub idle status whose parent is msg_id."""
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def drain_shell(kc, msg_id, timeout):
    """The execute reply of msg_id (checked ok), so replies never pile up in the shell queue."""
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            if reply["content"]["status"] != "ok":
                raise SystemExit("cell failed: %r" % reply["content"])
            return


def ready_time():
    """Seconds from launch until kernel_info is answered and the kernel reports idle."""
    started = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=60)
    # start_new_kernel returns after a kernel_info reply; wait for that request's idle too
    msg_id = kc.kernel_info()
    kc.get_shell_msg(timeout=60)
    idle_for(kc, msg_id, 60)
    return time.perf_counter() - started, km, kc


def cell_round_trips(kc, runs):
    """Milliseconds from execute_request sent to its idle status, one per run."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        msg_id = kc.execute("1+1")
        idle_for(kc, msg_id, CELL_TIMEOUT)
        times.append((time.perf_counter() - started) * 1000)
        drain_shell(kc, msg_id, CELL_TIMEOUT)
    return times


def kernel_info_round_trips(kc, runs):
    """Milliseconds from kernel_info_request sent to its idle status: the request loop alone, no JShell."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        msg_id = kc.kernel_info()
        idle_for(kc, msg_id, CELL_TIMEOUT)
        times.append((time.perf_counter() - started) * 1000)
        kc.get_shell_msg(timeout=CELL_TIMEOUT)
    return times


def p90(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--settle", type=float, default=60.0,
                        help="seconds of idle before the second (settled) series: a user reading the notebook,"
                             " while the kernel's background JIT warm-up runs")
    args = parser.parse_args()
    ready, km, kc = ready_time()
    try:
        warm = kc.execute("1")  # JShell starts in the background; the first cell pays for it
        idle_for(kc, warm, WARM_UP_TIMEOUT)
        drain_shell(kc, warm, WARM_UP_TIMEOUT)
        times = cell_round_trips(kc, args.runs)
        info_times = kernel_info_round_trips(kc, args.runs)
        time.sleep(args.settle)
        settled = cell_round_trips(kc, args.runs)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print("FIGURE kernel-ready %.2f s (target < 3 s)" % ready)
    print("FIGURE cell-1+1-median %.1f ms (target < 20 ms) over %d runs" % (statistics.median(times), len(times)))
    print("FIGURE cell-1+1-p90 %.1f ms over %d runs" % (p90(times), len(times)))
    print("FIGURE cell-1+1-max %.1f ms over %d runs" % (max(times), len(times)))
    print("FIGURE cell-1+1-settled-median %.1f ms (target < 20 ms) over %d runs after %.0f s idle"
          % (statistics.median(settled), len(settled), args.settle))
    print("FIGURE cell-1+1-settled-p90 %.1f ms over %d runs" % (p90(settled), len(settled)))
    print("FIGURE kernel-info-median %.1f ms over %d runs (no JShell: the request loop alone)"
          % (statistics.median(info_times), len(info_times)))
    print("FIGURE kernel-info-p90 %.1f ms over %d runs" % (p90(info_times), len(info_times)))


if __name__ == "__main__":
    main()
