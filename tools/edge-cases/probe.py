#!/usr/bin/env python3
"""Sends each vector of vectors.txt to each server and prints a markdown table
of the first status line each answered with.

    probe.py VECTORS NAME=PORT [NAME=PORT ...]

A cell is the status code and reason, "closed" if the server closed without a
byte, "reset" if it reset the connection, or "no answer" if nothing came within
the timeout (the server is still waiting for more of the request)."""
import re
import socket
import sys

TIMEOUT = 3.0


def expand(text):
    """{N*TEXT} repeats, innermost first; then backslash escapes, byte for byte."""
    pattern = re.compile(r"\{(\d+)\*([^{}]*)\}")
    while True:
        expanded = pattern.sub(lambda m: m.group(2) * int(m.group(1)), text)
        if expanded == text:
            break
        text = expanded
    return text.encode("latin-1").decode("unicode_escape").encode("latin-1")


def load(path):
    vectors = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, raw = line.split("\t", 1)
            vectors.append((name, raw))
    return vectors


def probe(port, data):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    except OSError as e:
        return "refused (%s)" % e.strerror
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # it may have answered and closed before the whole vector went out
        got = b""
        while b"\n" not in got:
            try:
                chunk = s.recv(4096)
            except socket.timeout:
                return "no answer" if not got else "partial: " + got[:40].decode("latin-1")
            except ConnectionResetError:
                return "reset" if not got else first_line(got)
            if not chunk:
                return "closed" if not got else first_line(got)
            got += chunk
        return first_line(got)
    finally:
        s.close()


def first_line(got):
    line = got.split(b"\n", 1)[0].rstrip(b"\r").decode("latin-1")
    # "HTTP/1.1 400 Bad Request" -> "400 Bad Request"
    if line.startswith("HTTP/") and " " in line:
        return line.split(" ", 1)[1]
    # No status line: an HTTP/0.9 answer, the body alone (nginx does this for "GET /a").
    return 'HTTP/0.9 reply "%s"' % line[:30]


def main():
    vectors = load(sys.argv[1])
    servers = [arg.split("=", 1) for arg in sys.argv[2:]]
    print("| vector | " + " | ".join(name for name, _ in servers) + " |")
    print("|---|" + "---|" * len(servers))
    for i, (name, raw) in enumerate(vectors):
        cells = []
        for sname, port in servers:
            data = expand(raw.replace("@PATH@", "/files/edge-%d-%s" % (i, re.sub(r"\W", "", sname))))
            cells.append(probe(int(port), data))
        print("| %s | %s |" % (name.replace("|", "\\|"), " | ".join(cells)))


if __name__ == "__main__":
    main()
