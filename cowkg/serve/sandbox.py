"""No network for query workers: a seccomp filter that refuses every non-local socket.

WHY: the safety check (:mod:`cowkg.serve.safety`) refuses ``SERVICE`` before Oxigraph sees a
query, but a check is only as good as its reading of the query. Behind it, the process that
evaluates queries must not be *able* to reach the network, whatever the query says. A worker calls
:func:`forbid_network` first thing: it sets ``PR_SET_NO_NEW_PRIVS`` (which lets a normal user, not
only root, install a filter) and a seccomp-BPF filter, inherited by every thread and child and
impossible to remove, under which

* ``socket()`` for any family but ``AF_UNIX`` fails with ``EACCES`` (so no TCP, UDP, raw,
  netlink or packet socket: Oxigraph's HTTP client gets an error before any packet leaves);
* ``io_uring_setup`` fails (io_uring can open sockets without the ``socket`` system call);
* a system call made through a foreign ABI (i386 ``int 0x80``, x32) fails, so ``socketcall``
  cannot go around the rule.

Everything else is allowed: the worker keeps its pipes, its store files and its memory. Network
namespaces would do the same, but need unprivileged user namespaces, which many containers and
distributions switch off; seccomp filters only need ``CONFIG_SECCOMP_FILTER``, on in every
mainstream kernel. The filter is ten BPF instructions built here with ``ctypes``: the kernel ABI it
speaks is stable, and libseccomp's Python bindings are not on PyPI in a maintained form.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import socket

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

SECCOMP_RET_ALLOW = 0x7FFF0000
SECCOMP_RET_ERRNO = 0x00050000

_LD_ABS_W = 0x20  # BPF_LD | BPF_W | BPF_ABS: load a 32-bit word of struct seccomp_data
_JEQ = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RET = 0x06  # BPF_RET | BPF_K

_NR, _ARCH, _ARG0 = 0, 4, 16  # offsets in struct seccomp_data (arg 0's low word: little endian)

_X32_BIT = 0x40000000
IO_URING_SETUP = 425  # the same number on every architecture (added after the tables merged)

ARCHES: dict[str, tuple[int, int]] = {
    # machine: (AUDIT_ARCH_*, __NR_socket)
    "x86_64": (0xC000003E, 41),
    "aarch64": (0xC00000B7, 198),
}


class _SockFilter(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_uint16),
        ("jt", ctypes.c_uint8),
        ("jf", ctypes.c_uint8),
        ("k", ctypes.c_uint32),
    ]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_SockFilter))]


def network_filter(arch: int, socket_nr: int) -> list[tuple[int, int, int, int]]:
    """The BPF program as (code, jt, jf, k): jumps count instructions skipped."""
    deny = SECCOMP_RET_ERRNO | errno.EACCES
    return [
        (_LD_ABS_W, 0, 0, _ARCH),
        (_JEQ, 1, 0, arch),  # our own ABI: go on; any other: deny
        (_RET, 0, 0, deny),
        (_LD_ABS_W, 0, 0, _NR),
        (_JGE, 5, 0, _X32_BIT),  # x32 system calls on x86_64: deny
        (_JEQ, 4, 0, IO_URING_SETUP),
        (_JEQ, 0, 2, socket_nr),
        (_LD_ABS_W, 0, 0, _ARG0),
        (_JEQ, 0, 1, socket.AF_UNIX),
        (_RET, 0, 0, SECCOMP_RET_ALLOW),  # not socket(), or socket(AF_UNIX, …)
        (_RET, 0, 0, deny),
    ]


def forbid_network() -> str | None:
    """Install the filter in this process; ``None`` on success, else why it could not be."""
    machine = platform.machine()
    if machine not in ARCHES:
        return f"no seccomp filter for the {machine} architecture"
    program = network_filter(*ARCHES[machine])
    filters = (_SockFilter * len(program))(*(_SockFilter(*op) for op in program))
    prog = _SockFprog(len(program), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [
        ctypes.c_int,
        ctypes.c_ulong,
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_ulong,
    ]
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        return f"prctl(PR_SET_NO_NEW_PRIVS) failed: {errno.errorcode[ctypes.get_errno()]}"
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        return f"prctl(PR_SET_SECCOMP) failed: {errno.errorcode[ctypes.get_errno()]}"
    return None


def network_blocked() -> bool:
    """Whether this process can no longer open an internet socket (a self-test)."""
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    except PermissionError:
        return True
    return False
