"""Loopback servers that answer the emulator's control API the way no emulator does.

Prints one JSON line naming the port of each kind, then serves until its standard input closes
(the test holds the other end) or five minutes pass, whichever comes first.

  record    logs every request (GET /_log gives the log) and answers like a quiet emulator
  redirect  answers 307 to the same path on the record server
  nonjson   answers 200 with an HTML page
  oddshape  answers 200 with JSON of the wrong shape for each control path
  silent    reads the request and never answers
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up waiting is what some tests are about

LIFETIME_SECONDS = 300
SILENT_SECONDS = 60
log = []
log_lock = threading.Lock()
ports = {}

ODD_SHAPES = {
    "/_emulator/requests": {"data": [1, 2, 3]},
    "/_emulator/seed": {"data": {"count": {"a": 1}, "ids": "not a list"}},
    "/_emulator/faults": {"data": "a fault is an object"},
    "/_emulator/emit": {"data": {"ids": [{"id": "evt"}]}},
    "/_emulator/workflows": {"data": {"id": "p_x", "created_at": "yesterday"}},
    "/_emulator/users": {"data": {"users": "none"}},
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    kind = "record"

    def log_message(self, format, *args):
        pass

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length).decode("utf-8", "replace") if length else ""

    def answer(self, status, text=b"", content_type="application/json", extra=None):
        self.send_response(status)
        if text:
            self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        if text:
            self.wfile.write(text)

    def handle_any(self):
        body = self.body()
        path = self.path.split("?", 1)[0]
        if self.kind == "record":
            if path == "/_log":
                with log_lock:
                    self.answer(200, json.dumps(log).encode())
                return
            with log_lock:
                log.append({
                    "method": self.command,
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": body,
                })
            if self.command == "GET":
                self.answer(200, b'{"data": []}')
            elif self.command == "POST":
                self.answer(200, b'{"data": {"count": 0, "ids": []}}')
            else:
                self.answer(204)
        elif self.kind == "redirect":
            target = "http://127.0.0.1:%d%s" % (ports["record"], self.path)
            self.answer(307, extra={"Location": target})
        elif self.kind == "nonjson":
            self.answer(200, b"<html><body>Welcome to the captive portal</body></html>", "text/html")
        elif self.kind == "oddshape":
            shape = ODD_SHAPES.get(path, {"data": 42})
            self.answer(200, json.dumps(shape).encode(), "application/json; charset=made-up")
        elif self.kind == "silent":
            time.sleep(SILENT_SECONDS)

    do_GET = do_POST = do_DELETE = do_PUT = handle_any


def serve(kind):
    handler = type(kind, (Handler,), {"kind": kind})
    server = QuietServer(("127.0.0.1", 0), handler)
    ports[kind] = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()


def main():
    for kind in ("record", "redirect", "nonjson", "oddshape", "silent"):
        serve(kind)
    print(json.dumps(ports), flush=True)
    watcher = threading.Thread(target=lambda: sys.stdin.read(), daemon=True)
    watcher.start()
    watcher.join(LIFETIME_SECONDS)


if __name__ == "__main__":
    main()
