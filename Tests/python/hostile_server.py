"""A loopback HTTP server that answers every request in one hostile way (issue 16's standing
adversarial suite). Each mode is a function of the connection; nothing here talks to
anything but 127.0.0.1."""

import gzip
import socket
import threading
import time

ESCAPES = "\x1b[2J\x1b[31mPWNED\x1b]0;title\x07"


def _json(status, body, extra=b""):
    reason = {200: b"OK", 400: b"Bad Request", 429: b"Too Many Requests", 500: b"Internal Server Error",
              503: b"Service Unavailable"}.get(status, b"Status")
    return (b"HTTP/1.1 %d %s\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: %d\r\n%s\r\n"
            % (status, reason, len(body), extra)) + body


def _deep(depth):
    return b'{"ResourceDescription":{"Identifier":"x","Properties":"' + b"[" * depth + b'"}}'


MODES = {
    "empty-200": lambda: _json(200, b""),
    "empty-object-200": lambda: _json(200, b"{}"),
    "html-200": lambda: (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 31\r\n\r\n"
                         + b"<html><body>hello</body></html>"),
    "html-500": lambda: (b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\n"
                         b"Content-Length: 22\r\n\r\n<html>oops</html>     "),
    "truncated-json": lambda: _json(200, b'{"ResourceDescription":{"Identifier":"x","Prop'),
    "deep-json": lambda: _json(200, b'{"a":' * 100000 + b"1" + b"}" * 100000),
    "deep-properties": lambda: _json(200, _deep(100000)),
    "wrong-shapes": lambda: _json(200, b'{"ResourceDescription":[1,2,3],"TypeName":42}'),
    "invalid-utf8": lambda: _json(200, b'{"ResourceDescription":{"Identifier":"\xff\xfe","Properties":"{}"}}'),
    "gzip-garbage": lambda: (b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                             b"Content-Encoding: gzip\r\nContent-Length: 16\r\n\r\n" + b"\x1f\x8b" + b"\x00" * 14),
    "huge-headers": lambda: (b"HTTP/1.1 200 OK\r\n" + b"X-Junk: " + b"a" * (4 << 20) + b"\r\n"
                             b"Content-Length: 2\r\n\r\n{}"),
    "content-length-10gb": lambda: (b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                                    b"Content-Length: 10000000000\r\n\r\n{\"a\":"),
    "endless-body": "endless",
    "never-answers": "silent",
    "slow-headers": "slow",
    "reset": "reset",
    "redirect-301": "redirect 301 Moved Permanently",
    "redirect-307": "redirect 307 Temporary Redirect",
    "throttled-huge-retry-after": lambda: _json(
        429, b'{"__type":"ThrottlingException","Message":"slow down"}', b"Retry-After: 99999999\r\n"),
    "unavailable-retry-after": lambda: _json(
        503, b'{"__type":"ServiceUnavailableException","Message":"later"}', b"Retry-After: 1\r\n"),
    "ansi-error-message": lambda: _json(
        400, ('{"__type":"ValidationException","Message":"' + ESCAPES.replace("\x1b", "\\u001b")
              .replace("\x07", "\\u0007") + '"}').encode()),
    "ansi-error-type": lambda: _json(
        400, ('{"__type":"Bad' + ESCAPES.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
              + 'Exception","Message":"x"}').encode()),
    "ansi-properties": lambda: _json(
        200, ('{"TypeName":"AWS::Logs::LogGroup","ResourceDescription":{"Identifier":"x","Properties":'
              '"{\\"LogGroupName\\":\\"' + ESCAPES.replace("\x1b", "\\\\u001b").replace("\x07", "\\\\u0007")
              + '\\"}"}}').encode()),
}


class HostileServer:
    def __init__(self, mode):
        self.mode = mode
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests = 0
        self.stopped = False
        self.open = []
        # Where the redirect modes point: another host as far as the client can tell. It
        # counts the connections it gets, which must stay 0 (a redirect is never followed,
        # so no signed request goes elsewhere).
        self.elsewhere = socket.create_server(("127.0.0.1", 0))
        self.elsewhere_connections = 0
        threading.Thread(target=self._serve, daemon=True).start()
        threading.Thread(target=self._count_elsewhere, daemon=True).start()

    def _count_elsewhere(self):
        while not self.stopped:
            try:
                connection, _ = self.elsewhere.accept()
            except OSError:
                return
            self.elsewhere_connections += 1
            connection.close()

    def _serve(self):
        while not self.stopped:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.open.append(connection)
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _read_request(self, connection):
        data = b""
        connection.settimeout(10)
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                return False
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        while len(rest) < length:
            chunk = connection.recv(65536)
            if not chunk:
                return False
            rest += chunk
        self.requests += 1
        return True

    def _answer(self, connection):
        try:
            while not self.stopped and self._read_request(connection):
                action = MODES[self.mode]
                if action == "silent":
                    time.sleep(3600)
                elif action == "endless":
                    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                                       b"Transfer-Encoding: chunked\r\n\r\n")
                    while not self.stopped:
                        connection.sendall(b"10000\r\n" + b" " * 65536 + b"\r\n")
                elif action == "slow":
                    for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}":
                        if self.stopped:
                            return
                        connection.sendall(bytes([byte]))
                        time.sleep(0.2)
                elif isinstance(action, str) and action.startswith("redirect"):
                    status = action.split(" ", 1)[1].encode()
                    port = self.elsewhere.getsockname()[1]
                    connection.sendall(b"HTTP/1.1 %s\r\nLocation: http://localhost:%d/\r\nContent-Length: 0\r\n\r\n"
                                       % (status, port))
                elif action == "reset":
                    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    connection.close()
                    return
                else:
                    connection.sendall(action())
        except OSError:
            pass
        finally:
            try:
                connection.close()
            except OSError:
                pass

    def close(self):
        self.stopped = True
        self.listener.close()
        self.elsewhere.close()
        for connection in self.open:
            try:
                connection.close()
            except OSError:
                pass
