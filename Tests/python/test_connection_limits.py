"""`ccs serve` under a flood of idle connections (issue 16, F7): it holds at most
--max-connections, a new connection replacing the one idle the longest, so a client is still
answered; under a low descriptor limit the cap is lowered to fit, so accept never fails with
EMFILE (which made it spin at 100% CPU); and after the flood its descriptors are back where
they were. Loopback only, a few hundred sockets, a few seconds each."""

import os
import resource
import socket
import time
from urllib.parse import urlparse

from emulator_support import Emulator, isolated_aws_environment  # noqa: F401


def open_fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    # utime and stime, fields 14 and 15 of proc(5), counted from after the command name.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_sockets(url, count):
    parsed = urlparse(url)
    sockets = []
    for _ in range(count):
        try:
            sockets.append(socket.create_connection((parsed.hostname, parsed.port), timeout=5))
        except OSError:
            break
    return sockets


def closed_by_server(sock):
    sock.setblocking(False)
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def test_a_flood_of_idle_connections_is_capped_and_others_are_answered(tmp_path):
    server = Emulator(tmp_path, "--latency", "0", "--max-connections", "40").start()
    try:
        pid = server.process.pid
        client = server.client(max_attempts=3)
        client.list_resources(TypeName="AWS::Logs::LogGroup")
        baseline = open_fds(pid)
        flood = idle_sockets(server.url, 300)
        assert len(flood) == 300
        started = time.monotonic()
        for _ in range(20):
            client.list_resources(TypeName="AWS::Logs::LogGroup")
        assert time.monotonic() - started < 20
        time.sleep(0.5)
        held = open_fds(pid)
        assert held <= baseline + 40, f"{held} descriptors with a cap of 40 (baseline {baseline})"
        evicted = sum(closed_by_server(s) for s in flood)
        assert evicted >= 300 - 40, f"only {evicted} of 300 idle connections closed"
        for s in flood:
            s.close()
        deadline = time.monotonic() + 10
        while open_fds(pid) > baseline + 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert open_fds(pid) <= baseline + 1
        client.list_resources(TypeName="AWS::Logs::LogGroup")
    finally:
        status, _, stderr = server.stop()
    assert status == 0, stderr


def test_a_low_descriptor_limit_lowers_the_cap_instead_of_spinning_on_accept(tmp_path):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # The server inherits the lower limit; the test itself only needs it while starting it.
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))
    try:
        server = Emulator(tmp_path, "--latency", "0", "--max-connections", "1000").start()
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    try:
        pid = server.process.pid
        flood = idle_sockets(server.url, 150)
        time.sleep(1)
        before = cpu_seconds(pid)
        time.sleep(3)
        spent = cpu_seconds(pid) - before
        assert spent < 0.5, f"the server used {spent:.2f} s of CPU in 3 s holding idle connections"
        assert open_fds(pid) < 64
        server.client(max_attempts=3).list_resources(TypeName="AWS::Logs::LogGroup")
        for s in flood:
            s.close()
    finally:
        status, _, stderr = server.stop()
    assert status == 0, stderr
    assert "holding at most 32 connections, not 1000: the descriptor limit (ulimit -n)" in stderr


def test_a_refused_body_does_not_hold_its_connection(tmp_path):
    """A 413 (Content-Length over the limit) used to leave the connection open until the
    idle time-out when the client sent nothing more; now it closes a moment after the answer."""
    server = Emulator(tmp_path, "--latency", "0").start()
    try:
        parsed = urlparse(server.url)
        with socket.create_connection((parsed.hostname, parsed.port), timeout=10) as sock:
            sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n")
            answer = b""
            started = time.monotonic()
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
            assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
            assert time.monotonic() - started < 8
    finally:
        status, _, stderr = server.stop()
    assert status == 0, stderr
