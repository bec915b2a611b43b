"""A stand-in for pd-emulator that Start-PdEmulator can run with -Path, to see what it is given.

It writes a report (JSON: pid, argv, the key from PD_EMULATOR_API_KEY, the control requests
it got) to the file named by PSPD_TEST_FAKE_REPORT, and behaves as PSPD_TEST_FAKE_MODE says:

  serve   serve /_emulator/users and /v1/users/me on 127.0.0.1, accepting only the key from
          PD_EMULATOR_API_KEY (or, with --users, the file's first user's api_key)
  silent  print nothing and never become ready
  print   print PSPD_TEST_FAKE_BASE_URI as its address and serve nothing

It ends when its standard input closes or after a minute.
"""
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up waiting is what some tests are about

LIFETIME_SECONDS = 60
report_path = os.environ["PSPD_TEST_FAKE_REPORT"]
mode = os.environ.get("PSPD_TEST_FAKE_MODE", "serve")
report = {"pid": os.getpid(), "argv": sys.argv[1:], "key": os.environ.get("PD_EMULATOR_API_KEY"), "requests": []}
lock = threading.Lock()


def save():
    with lock:
        text = json.dumps(report)
    with open(report_path + ".tmp", "w") as f:
        f.write(text)
    os.replace(report_path + ".tmp", report_path)


def option(name):
    args = sys.argv[1:]
    return args[args.index(name) + 1] if name in args and args.index(name) + 1 < len(args) else None


def first_key():
    users = option("--users")
    if users is None:
        return report["key"]
    with open(users) as f:
        return json.load(f)["users"][0]["api_key"]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def answer(self, status, value):
        text = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def do_GET(self):
        key = first_key()
        authorized = self.headers.get("Authorization") == "Bearer %s" % key
        with lock:
            report["requests"].append({"method": "GET", "path": self.path, "authorization": self.headers.get("Authorization")})
        save()
        if self.path == "/_emulator/users":
            shown = key if authorized else None
            self.answer(200, {"data": [{"id": "u_fake", "username": "fake", "email": "fake@example.com", "api_key": shown}]})
        elif self.path == "/v1/users/me" and authorized:
            self.answer(200, {"data": {"id": "u_fake", "username": "fake", "email": "fake@example.com"}})
        else:
            self.answer(401, {"error": "invalid API key"})


def main():
    save()
    if mode == "serve":
        server = QuietServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print("Base URI: http://127.0.0.1:%d/v1" % server.server_address[1])
        print("User u_fake (fake)", flush=True)
    elif mode == "print":
        print("Base URI: " + os.environ["PSPD_TEST_FAKE_BASE_URI"], flush=True)
    watcher = threading.Thread(target=lambda: sys.stdin.read(), daemon=True)
    watcher.start()
    watcher.join(LIFETIME_SECONDS)


if __name__ == "__main__":
    main()
