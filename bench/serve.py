#!/usr/bin/env python3
"""Times the writer's loop: from saving a page to the open browser being told.

    python3 bench/serve.py --pages 1000

Builds stratdoc (`cargo build --release --locked`), takes the benchmark
corpus (bench/corpus.py, cached in target/bench/corpus-N) and copies it to a
scratch folder, as the edits change it. Then for each tool it starts the
server on a free port on 127.0.0.1, listens to what an open page listens to,
and --edits times saves a page (the whole file written in place, as most
editors do): a word appended to its text, and every tenth save a change of
its `status` (a fact: the pages that list it, the plan views and the front
page are re-rendered too). The pages edited take turns. Each save is timed
from the write to the reload message arriving, and waits for the server to
be quiet before the next one.

- stratdoc: `stratdoc serve --port 0`, the event stream
  `/__stratdoc/events`; the save counts when the `reload` event naming the
  page arrives (the pages first; the board edition, search index and exports
  follow in a second event, timed as "all outputs");
- Hugo: `hugo server` (fast render: it re-renders the pages a browser has
  open, so each edited page is fetched first), its live-reload WebSocket
  `/livereload`; the save counts when the `reload` command arrives. Skipped
  with a note when hugo is not installed.

Each tool's own figure is printed beside it: stratdoc's `built N files in X
ms` and Hugo's `Total in X ms`, which do not count noticing the change.
Python 3.11 standard library.
"""

import argparse
import base64
import json
import os
import queue
import re
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import BENCH, SEED, STRATDOC, build, corpus, find_hugo  # noqa: E402


def fail(message, code=1):
    print(f"serve.py: {message}", file=sys.stderr)
    sys.exit(code)


PATIENCE = 30  # seconds a save may take before the benchmark gives up
QUIET = 0.5  # seconds without a message before the next save


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000, help="corpus size (default: %(default)s)")
    ap.add_argument("--edits", type=int, default=30, help="timed saves per tool (default: %(default)s)")
    ap.add_argument("--tools", default="stratdoc,hugo", help="comma-separated subset of %(default)s")
    ap.add_argument("--hugo", help="the hugo binary (default: /usr/bin/hugo, else hugo on PATH)")
    ap.add_argument("--require-hugo", action="store_true", help="fail instead of skipping when hugo is missing")
    ap.add_argument("--seed", default=SEED, help="corpus seed (default: %(default)s)")
    a = ap.parse_args()
    a.tools = [t.strip() for t in a.tools.split(",") if t.strip()]
    if set(a.tools) - {"stratdoc", "hugo"} or not a.tools or a.edits < 1 or a.pages < 20:
        ap.error("--tools takes stratdoc and/or hugo; --edits must be at least 1 and --pages at least 20")
    return a


class Server:
    """A server process whose output lines and messages are queued with the time they arrived."""

    def __init__(self, cmd, cwd, ready):
        self.messages = queue.Queue()
        self.lines = []
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
        self.ready = threading.Event()
        threading.Thread(target=self._read, args=(ready,), daemon=True).start()
        if not self.ready.wait(PATIENCE * 4):
            self.stop()
            fail(f"`{' '.join(cmd)}` did not start:\n" + "".join(l for _, l in self.lines[-20:]), 2)

    def _read(self, ready):
        for line in self.proc.stdout:
            self.lines.append((time.perf_counter(), line))
            if re.search(ready, line):
                self.url = re.search(r"http://[^\s/]+", line).group(0)
                self.ready.set()

    def listen(self, messages):
        """Queues each message `messages` yields, with its arrival time, on a thread."""
        def pump():
            for message in messages:
                self.messages.put((time.perf_counter(), message))
        threading.Thread(target=pump, daemon=True).start()

    def next(self, wanted, since):
        """The arrival time of the first message after `since` that `wanted` accepts."""
        deadline = time.perf_counter() + PATIENCE
        while True:
            try:
                at, message = self.messages.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                self.stop()
                fail(f"no message for a save within {PATIENCE} s:\n" + "".join(l for _, l in self.lines[-20:]))
            if at >= since and wanted(message):
                return at

    def settle(self):
        """Waits until no message has come for QUIET seconds."""
        while True:
            try:
                self.messages.get(timeout=QUIET)
            except queue.Empty:
                return

    def own(self, pattern, since):
        """Each (arrival time, figure in ms) `pattern` finds in the output after `since`."""
        return [(at, float(found.group(1))) for at, line in list(self.lines)
                if at >= since and (found := re.search(pattern, line))]

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def sse(url):
    """The (event, data) pairs of a Server-Sent Events stream."""
    host = url.removeprefix("http://")
    conn = HTTPConnection(host, timeout=PATIENCE * 10)
    conn.request("GET", "/__stratdoc/events", headers={"Accept": "text/event-stream"})
    response = conn.getresponse()

    def events():
        event, data = "message", []
        for raw in response:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
            elif not line and data:
                yield event, "\n".join(data)
                event, data = "message", []
    return events()


def websocket(url, path):
    """The text messages of a WebSocket (RFC 6455), after sending LiveReload's hello."""
    host, port = url.removeprefix("http://").rsplit(":", 1)
    sock = socket.create_connection((host, int(port)), timeout=PATIENCE * 10)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    stream = sock.makefile("rb")
    if b" 101 " not in stream.readline():
        fail(f"{url}{path} is not a WebSocket", 2)
    while stream.readline() not in (b"\r\n", b""):
        pass
    hello = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
    mask = os.urandom(4)
    payload = bytes(b ^ mask[i % 4] for i, b in enumerate(hello.encode()))
    sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + payload)

    def messages():
        while len(head := stream.read(2)) == 2:
            size = head[1] & 0x7F
            if size >= 126:
                size = struct.unpack(">H" if size == 126 else ">Q", stream.read(2 if size == 126 else 8))[0]
            body = stream.read(size)
            if head[0] & 0x0F == 1:
                yield body.decode("utf-8")
            elif head[0] & 0x0F == 8:
                return
    return messages()


def plan(content, edits):
    """Which page each save edits and how: initiatives spread over the plan, taking turns."""
    pages = sorted(p.relative_to(content).as_posix() for p in (content / "initiatives").rglob("*.md")
                   if re.search(r"^status: (active|paused)$", p.read_text(encoding="utf-8"), re.M))
    chosen = [pages[i * len(pages) // 5] for i in range(5)]
    return [(chosen[k % len(chosen)], "status" if k % 10 == 9 else "text") for k in range(edits)]


def edited(text, k, how):
    if how == "status":
        return re.sub(r"^status: (active|paused)$",
                      lambda m: "status: " + ("paused" if m.group(1) == "active" else "active"), text, 1, re.M)
    return text + f"\nSkrivesløjfe{k}.\n"


def session(tool, server, site, saves, url_of, is_reload, is_last=None):
    """Times each save: (ms to the reload message, ms to the last message of the save, own ms)."""
    own = {"stratdoc": r"built \d+ files? in (\d+) ms", "hugo": r"Total in (\d+(?:\.\d+)?) ms"}[tool]
    times = []
    for k, (page, how) in enumerate(saves):
        file = site / "content" / page
        text = file.read_text(encoding="utf-8")
        server.settle()
        start = time.perf_counter()
        file.write_text(edited(text, k, how), encoding="utf-8")
        reloaded = server.next(lambda m: is_reload(m, url_of(page)), start)
        if is_last:
            server.next(is_last, start)
        server.settle()
        said = server.own(own, start)
        times.append({"page": page, "how": how, "reload_ms": (reloaded - start) * 1000,
                      # stratdoc says `built` once for the pages and once for the rest
                      "all_ms": (max([reloaded] + [at for at, _ in said]) - start) * 1000,
                      "own_ms": said[0][1] if said else None})
    return times


def run_stratdoc(work, saves):
    site = work / "stratdoc"
    server = Server([str(STRATDOC), "serve", str(site), "--port", "0"], work, r"serving .* at http://")
    try:
        server.listen(sse(server.url))
        return session("stratdoc", server, site, saves, lambda page: "/" + page[:-3] + ".html",
                       lambda m, url: m[0] == "reload" and (m[1] == '"*"' or f'"{url[1:]}"' in m[1]),
                       # the second event: the board edition, the search index and the exports
                       lambda m: m[0] == "reload" and (m[1] == '"*"' or '"print.html"' in m[1]))
    finally:
        server.stop()


def run_hugo(hugo, work, saves):
    site = work / "hugo"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = Server([hugo, "server", "-s", str(site), "--bind", "127.0.0.1", "--port", str(port)], work,
                    r"Web Server is available at")
    try:
        server.url = f"http://127.0.0.1:{port}"
        for page, _ in saves:  # fast render re-renders the pages a browser has open
            conn = HTTPConnection(f"127.0.0.1:{port}", timeout=PATIENCE)
            conn.request("GET", "/" + page[:-3].lower() + "/")
            conn.getresponse().read()
        server.listen(websocket(server.url, "/livereload"))
        return session("hugo", server, site, saves, lambda page: page,
                       lambda m, _url: json.loads(m).get("command") == "reload")
    finally:
        server.stop()


def figures(times, key):
    values = sorted(t[key] for t in times if t[key] is not None)
    if not values:
        return None
    p90 = values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]
    return {"median": statistics.median(values), "p90": p90, "min": values[0], "max": values[-1], "n": len(values)}


def report(results, pages, edits):
    kinds = {how: sum(1 for s in plan_of(results) if s == how) for how in ("text", "status")}
    print(f"\n{pages:,} pages, {edits} saves per tool ({kinds['text']} text, {kinds['status']} status); "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print(f"  {'from the save to':<40}{'median ms':>10}{'p90':>8}{'min':>8}{'max':>8}{'n':>4}")
    rows = [("stratdoc", "reload_ms", "stratdoc: the page's reload event"),
            ("stratdoc", "all_ms", "stratdoc: all outputs (2nd event)"),
            ("stratdoc", "own_ms", "stratdoc's own `built … in` (pages)"),
            ("hugo", "reload_ms", "hugo server: the reload message"),
            ("hugo", "own_ms", "hugo's own `Total in`")]
    for tool, key, label in rows:
        f = figures(results.get(tool, []), key)
        if f:
            print(f"  {label:<40}{f['median']:>10.1f}{f['p90']:>8.1f}{f['min']:>8.1f}{f['max']:>8.1f}{f['n']:>4}")


def plan_of(results):
    return [t["how"] for t in next(iter(results.values()), [])]


def main():
    args = parse_args()
    found = find_hugo(args) if "hugo" in args.tools else None
    if "hugo" in args.tools and not found:
        args.tools.remove("hugo")
    if "stratdoc" in args.tools:
        build(["stratdoc"])
    home, _info = corpus(args.pages, args.seed)
    BENCH.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="serve-", dir=BENCH))
    results = {}
    # The same pages, edited the same way, for every tool: both layouts
    # hold each page at the same path under content/.
    saves = plan(home / "stratdoc" / "content", args.edits)
    try:
        for tool in args.tools:
            shutil.copytree(home / tool, work / tool)
            print(f"serve.py: {tool}: {len(saves)} saves on {args.pages:,} pages", file=sys.stderr)
            results[tool] = run_stratdoc(work, saves) if tool == "stratdoc" else run_hugo(found[0], work, saves)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results, args.pages, args.edits)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
