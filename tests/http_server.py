#!/usr/bin/env python3
"""A real HTTP server on loopback for the updater tests (standard library only).

Usage: http_server.py DIR [CERT KEY]  -- prints its port on the first line, then serves until
killed; over HTTPS with CERT and KEY (PEM files).

  /files/NAME            the file DIR/NAME, with ETag and Last-Modified; 304 when unchanged
  /slow/NAME             the same, but waits 40 ms before it reads the file, as a busy server
                         would: a publish can land between a client's two requests
  /held/NAME             the same, but a bundle (a NAME not ending in .minisig) waits before it
                         reads the file until DIR.release (DIR's sibling) exists, and deletes it:
                         each release lets one request through, so a test decides what a slow
                         kiosk's request finds when it finally goes through
  /status/CODE/NAME      answers with that status code
  /stall/NAME            sends headers and a few bytes, then goes silent
  /trickle/NAME          a signature as /files/ does; a bundle at 2 bytes a second, as a hostile
                         or broken server would, for as long as the client waits
  /rotating/NAME         as /files/, but with a new ETag on every answer: never a 304
  /redirect/URL          a 302 to URL (the rest of the path, scheme included: redirect/http://...)
  /drop/NAME             promises the whole file, sends half, closes the connection
  /count/NAME            how many times NAME was requested, as text

NAME may have folders (v7/torino.kbundle, as `kiosk-bundle publish` writes); a missing file
is a 404.
"""
import email.utils
import hashlib
import os
import re
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1]
COUNTS = {}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, code, body, headers=()):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as a capped download does: not the server's problem

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        kind = parts[0]
        name = "/".join(parts[2:] if kind == "status" else parts[1:])
        if ".." in name.split("/"):
            self.send_body(403, b"no")
            return
        path = os.path.join(ROOT, name)
        with LOCK:
            if kind == "count":
                self.send_body(200, str(COUNTS.get(name, 0)).encode())
                return
            COUNTS[name] = COUNTS.get(name, 0) + 1
        if kind == "status":
            self.send_body(int(parts[1]), b"no")
            return
        if kind == "redirect":
            target = re.sub(r"^(https?):/+", r"\1://", self.path.split("/redirect/", 1)[1])
            self.send_body(302, b"moved", [("Location", target)])
            return
        if kind == "slow":
            time.sleep(0.04)
        if kind == "held" and not name.endswith(".minisig"):
            release = ROOT.rstrip("/") + ".release"
            for _ in range(6000):  # a minute at most: a failing test must not hang the suite
                try:
                    os.remove(release)
                    break
                except FileNotFoundError:
                    time.sleep(0.01)
        try:
            with open(path, "rb") as f:  # one open: a rename over the file gives old or new, whole
                data = f.read()
                mtime = os.fstat(f.fileno()).st_mtime
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            self.send_body(404, b"not found")
            return
        if kind == "stall":
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[:10])
            self.wfile.flush()
            time.sleep(60)
            return
        if kind == "trickle" and not name.endswith(".minisig"):
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                for i in range(0, len(data), 2):
                    self.wfile.write(data[i : i + 2])
                    self.wfile.flush()
                    time.sleep(1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if kind == "drop":
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
        if kind == "rotating":
            etag = '"' + os.urandom(8).hex() + '"'
        modified = email.utils.formatdate(mtime, usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_body(200, data, [("ETag", etag), ("Last-Modified", modified)])


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
if len(sys.argv) == 4:
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(sys.argv[2], sys.argv[3])
    server.socket = tls.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
