"""Shared helpers for the PoolHit kernel end-to-end suites (jupyter_client, Debian packages).

The kernel under test is the installed kernelspec named by $POOLHIT_KERNEL_NAME (install/test.sh
installs it into a temporary $JUPYTER_PATH).
"""
import os
import queue

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("POOLHIT_KERNEL_NAME", "poolhit-test")
TIMEOUT = 60


WARM_UP_TIMEOUT = 180


def start():
    """(KernelManager, KernelClient) for a fresh kernel that has finished warming up JShell."""
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)
    warm_up(kc)
    return km, kc


def warm_up(kc):
    """Runs one cell with a generous timeout: JShell starts in the background after the kernel
    answers kernel_info, and on a loaded machine the first cell can exceed a 15 s test timeout."""
    reply, _, _ = execute(kc, "1", timeout=WARM_UP_TIMEOUT)
    assert reply["content"]["status"] == "ok", reply


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The shell reply to msg_id, skipping stray replies (e.g. queued kernel_info replies)."""
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def control_request(kc, msg_type, content, timeout=TIMEOUT):
    """Sends msg_type on the control channel and returns its reply."""
    msg = kc.session.msg(msg_type, content)
    kc.control_channel.send(msg)
    while True:
        reply = kc.get_control_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return reply


def iopub_for(kc, msg_id, timeout=TIMEOUT):
    """Every IOPub message of request msg_id, from busy up to and including idle."""
    msgs = []
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=timeout)
        except queue.Empty:
            raise AssertionError("no idle status for %s; got %r" % (msg_id, [m["msg_type"] for m in msgs]))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return msgs


def execute(kc, code, timeout=TIMEOUT):
    """(reply, outputs, all_iopub) of one cell; outputs exclude status and execute_input."""
    msg_id = kc.execute(code)
    reply = shell_reply(kc, msg_id, timeout)
    msgs = iopub_for(kc, msg_id, timeout)
    outputs = [m for m in msgs if m["msg_type"] not in ("status", "execute_input")]
    return reply, outputs, msgs
