"""A loopback HTTP/1.1 server that answers GET /v1/users/me (so a connection can be checked), every
other GET with an empty page (so a command that reads before it writes gets to its writes), and
reads every other request whole, then closes the connection without answering. Each request it
reads is appended to the log file as one line "METHOD TARGET". It prints "PORT <n>" once listening
and stops after --seconds, so a test that forgets it leaves nothing behind for long."""
import argparse
import socket
import threading
import time

ME = b'{"data":{"id":"u_hangup","username":"hangup","email":"h@example.com"}}'
EMPTY_PAGE = b'{"page_info":{"total_count":0,"count":0,"start_cursor":null,"end_cursor":null},"data":[]}'


def answer(conn, body):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                 + str(len(body)).encode() + b"\r\n\r\n" + body)


def read_request(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(4096)
        if not chunk:
            return None
        rest += chunk
    method, target = lines[0].split(" ")[:2]
    return method, target


def serve(conn, log_path, lock):
    with conn:
        while True:
            request = read_request(conn)
            if request is None:
                return
            method, target = request
            with lock, open(log_path, "a", encoding="utf-8") as log:
                log.write(f"{method} {target}\n")
            if method == "GET":
                answer(conn, ME if target.split("?")[0] == "/v1/users/me" else EMPTY_PAGE)
                continue
            return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--seconds", type=float, default=300)
    args = parser.parse_args()
    lock = threading.Lock()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.5)
    print(f"PORT {listener.getsockname()[1]}", flush=True)
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        try:
            conn, _ = listener.accept()
        except socket.timeout:
            continue
        threading.Thread(target=serve, args=(conn, args.log, lock), daemon=True).start()


if __name__ == "__main__":
    main()
