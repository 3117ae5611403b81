#!/usr/bin/env python3
"""Serves web/dist on loopback with the right MIME types, and the precompressed
copies (.br, .gz) when the browser accepts them. Usage: serve.py [--port 8080] [--dir web/dist]"""

import argparse
import functools
import http.server
import os

TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".html": "text/html; charset=utf-8",
         ".json": "application/json", ".svg": "image/svg+xml", ".ron": "text/plain; charset=utf-8"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, ext in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and os.path.isfile(path + ext):
                body = open(path + ext, "rb")
                self.send_response(200)
                self.send_header("Content-Type", TYPES.get(os.path.splitext(path)[1], "application/octet-stream"))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(os.path.getsize(path + ext)))
                # The loader counts decompressed bytes: tell it how many there are.
                self.send_header("X-Uncompressed-Length", str(os.path.getsize(path)))
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                return body
        return super().send_head()

    def guess_type(self, path):
        return TYPES.get(os.path.splitext(str(path))[1]) or super().guess_type(path)

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description="Sert la version web de Dédale.")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--dir", default=os.path.join(os.path.dirname(__file__), "dist"))
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"Dédale : http://127.0.0.1:{server.server_port}/ (Ctrl+C pour arrêter)", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
