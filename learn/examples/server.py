"""A one-connection-at-a-time server in Python, to show that ./check drives a
server in any language: it is an example of the command line, not a solution.
It answers GET / with 200 and everything else with 404, one request per
connection and one connection at a time, so stage 03's concurrency checks
fail on it, with the checker's hints.

    ./check 02 -- python3 learn/examples/server.py --port {port}
"""
import argparse
import socket

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=4221)
# Flags the checker appends for some stages: accepted, unused here.
for flag in ("--directory", "--max-concurrent", "--when-full", "--workers", "--queue",
             "--read-timeout", "--idle-timeout", "--keep-alive", "--reuse-port"):
    parser.add_argument(flag)
args = parser.parse_args()  # an unknown flag exits 2, as the stages do

listener = socket.create_server(("127.0.0.1", args.port))
print(f"python example listening on http://localhost:{listener.getsockname()[1]}/", flush=True)
while True:
    conn, _ = listener.accept()
    with conn:
        head = b""
        while b"\r\n\r\n" not in head:  # one recv() may hold part of the head, or all of it
            data = conn.recv(4096)
            if not data:
                break
            head += data
        status = "200 OK" if head.startswith(b"GET / ") else "404 Not Found"
        conn.sendall(f"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
