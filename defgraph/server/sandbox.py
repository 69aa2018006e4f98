"""Confining a query worker process: no network sockets (Linux seccomp), death with its parent.

The SPARQL policy (sparql_policy.py) refuses SERVICE and LOAD before the engine sees them;
this is the second line: a worker that cannot create an Internet socket cannot reach any
host, whatever the engine was made to execute.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import logging
import multiprocessing
import multiprocessing.connection
import os
import platform
import signal
import struct
import sys
import threading

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_AF_UNIX = 1
# architecture: (AUDIT_ARCH_*, socket, socketpair, io_uring_setup) syscall numbers
_ARCH = {
    "x86_64": (0xC000003E, 41, 53, 425),
    "aarch64": (0xC00000B7, 198, 199, 425),
}
_LD_ABS_W = 0x20        # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15           # BPF_JMP | BPF_JEQ | BPF_K
_RET_K = 0x06           # BPF_RET | BPF_K


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


def _no_sockets_program(arch: int, socket_nr: int, socketpair_nr: int, uring_nr: int) -> bytes:
    """A seccomp BPF program: socket()/socketpair() only for AF_UNIX, no io_uring, all else allowed."""
    deny = _SECCOMP_RET_ERRNO | errno.EACCES
    # (code, jump-if-true, jump-if-false, k); a jump of n goes to instruction (this + 1 + n)
    program = [
        (_LD_ABS_W, 0, 0, 4),               # 0 arch
        (_JEQ_K, 0, 6, arch),               # 1 another ABI: → 8 allow
        (_LD_ABS_W, 0, 0, 0),               # 2 syscall number
        (_JEQ_K, 6, 0, uring_nr),           # 3 io_uring_setup: → 10 deny
        (_JEQ_K, 1, 0, socket_nr),          # 4 socket: → 6 check its family
        (_JEQ_K, 0, 3, socketpair_nr),      # 5 neither: → 9 allow
        (_LD_ABS_W, 0, 0, 16),              # 6 first argument (the address family, low 32 bits)
        (_JEQ_K, 1, 2, _AF_UNIX),           # 7 AF_UNIX: → 9 allow, else → 10 deny
        (_RET_K, 0, 0, _SECCOMP_RET_ALLOW),  # 8
        (_RET_K, 0, 0, _SECCOMP_RET_ALLOW),  # 9
        (_RET_K, 0, 0, deny),               # 10
    ]
    return b"".join(struct.pack("=HBBI", *ins) for ins in program)


def deny_network() -> bool:
    """Forbid this process (and threads it starts later) any socket but a Unix one; False where unsupported."""
    machine = platform.machine()
    if sys.platform != "linux" or machine not in _ARCH:
        log.warning("query workers can open network sockets: no seccomp filter for %s/%s",
                    sys.platform, machine)
        return False
    code = _no_sockets_program(*_ARCH[machine])
    buf = ctypes.create_string_buffer(code, len(code))
    prog = _SockFprog(len(code) // 8, ctypes.cast(buf, ctypes.c_void_p))
    libc = _libc()
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or \
            libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        log.warning("query workers can open network sockets: seccomp refused (%s)",
                    errno.errorcode.get(ctypes.get_errno(), "?"))
        return False
    return True


def die_with_parent() -> None:
    """Exit as soon as the process that started this one is gone, however it ended (kill -9 included).

    Two ways, either enough: the kernel kills this process when its forking parent (the
    forkserver, which exits with the web process) dies; and a thread waits on the sentinel of
    the web process, which the kernel closes when that process ends.
    """
    if sys.platform == "linux":
        _libc().prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="defgraph-parent-watch").start()
