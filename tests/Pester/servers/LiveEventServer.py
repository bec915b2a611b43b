"""A loopback stand-in for the Pipedream API that is not the emulator, for checking live following
(-Wait) against a server of its own. It knows one source, dc_live, and scripts its life by the
number of event list requests it has had:

  1      3 events (the tail)
  2      2 more
  3, 4   503 Service Unavailable (one poll and its retry, with MaxRetries 1)
  5      a burst of 150, all in one millisecond (ids <ms>-0 .. <ms>-149), of which the API keeps 100
  6 on   1 more each

With --script misfit it scripts an event that does not fit the model instead:

  1      2 events (the tail)
  2      3 more, the middle one's indexed_at_ms "yesterday" (not a timestamp)
  3, 4   1 more each
  5, 6   503 Service Unavailable
  7 on   1 more each

It answers GET /v1/users/me (so a connection can be checked) and GET
/v1/sources/dc_live/event_summaries (newest first, at most `limit`, never more than the last 100
events); anything else is 404. Each request is appended to the log file as "METHOD TARGET STATUS".
It prints "PORT <n>" once listening and stops after --seconds."""
import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SOURCE = "dc_live"
RETENTION = 100
ME = {"data": {"id": "u_live", "username": "live", "email": "live@example.com"}}


class World:
    def __init__(self, misfit=False):
        self.misfit = misfit
        self.lock = threading.Lock()
        self.polls = 0
        self.events = []  # oldest first
        self.emitted = 0
        self.last_ms = 0

    def _now_ms(self):
        ms = max(int(time.time() * 1000), self.last_ms + 1)
        self.last_ms = ms
        return ms

    def emit(self, count, misfit_at=None):
        ms = self._now_ms()
        for seq in range(count):
            self.emitted += 1
            n = self.emitted
            self.events.append({
                "id": f"{ms}-{seq}",
                "indexed_at_ms": "yesterday" if seq == misfit_at else ms,
                "event": {"n": n},
                "metadata": {"emitter_id": SOURCE, "emit_id": f"emit{n}", "name": ""},
            })
        del self.events[:-RETENTION]

    def script(self, n):
        """Emits what poll n of the default script brings; (status, body) when it fails instead."""
        if n == 1:
            self.emit(3)
        elif n == 2:
            self.emit(2)
        elif n in (3, 4):
            return 503, {"error": "the live server is resting"}
        elif n == 5:
            self.emit(150)
        else:
            self.emit(1)
        return None

    def script_misfit(self, n):
        if n == 1:
            self.emit(2)
        elif n == 2:
            self.emit(3, misfit_at=1)
        elif n in (5, 6):
            return 503, {"error": "the live server is resting"}
        else:
            self.emit(1)
        return None

    def poll(self, limit):
        """The answer to the next event list request: (status, body)."""
        with self.lock:
            self.polls += 1
            failed = (self.script_misfit if self.misfit else self.script)(self.polls)
            if failed:
                return failed
            page = list(reversed(self.events))[:limit]
            info = {"total_count": len(self.events), "count": len(page),
                    "start_cursor": page[0]["id"] if page else None, "end_cursor": page[-1]["id"] if page else None}
            return 200, {"page_info": info, "data": page}


def handler_for(world, log_path, log_lock):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            with log_lock, open(log_path, "a", encoding="utf-8") as log:
                log.write(f"{self.command} {self.path} {status}\n")

        def do_GET(self):
            url = urlparse(self.path)
            if url.path == "/v1/users/me":
                return self.answer(200, ME)
            if url.path == f"/v1/sources/{SOURCE}/event_summaries":
                limit = int(parse_qs(url.query).get("limit", ["10"])[0])
                return self.answer(*world.poll(limit))
            return self.answer(404, {"error": "not found"})

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--script", choices=["default", "misfit"], default="default")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(World(misfit=args.script == "misfit"), args.log, threading.Lock()))
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    threading.Timer(args.seconds, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
