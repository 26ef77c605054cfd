#!/usr/bin/env python3
"""Times stratdoc against Hugo and the floor on the same generated strategy.

    python3 bench/run.py --pages 1000 --pages 10000

Builds stratdoc (`cargo build --release --locked`) and the floor
(bench/floor), generates each corpus once (cached in target/bench/corpus-N,
regenerated when the generator changes), then for each N runs the tools,
each writing into a folder in memory (/dev/shm) that holds its last build,
round-robin in one session: a warm-up round, then --runs rounds, each tool
once a round as a whole process, the order rotated each round so no tool
always follows the same one. For each run it measures wall time, CPU time
(user + system of the child) and peak memory (the child's maximum resident
set size), all from the child's own rusage (os.wait4).

With --baseline BIN, a second stratdoc (an earlier commit's build) is timed
in the same rounds on the same pages, and stratdoc's figures are given as
multiples of it: the before-and-after of a change, in one run.

A tool that exits non-zero stops the benchmark: a failed build must never be
timed as a fast one. Hugo (Debian's `hugo`) is skipped with a note when it is
not installed, unless --require-hugo. Python 3.11 standard library.
"""

import argparse
import ctypes
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "target" / "bench"
STRATDOC = ROOT / "target" / "release" / "stratdoc"
FLOOR = BENCH / "floor" / "release" / "floor"
TOOLS = ("stratdoc", "hugo", "floor")
SEED = "stratdoc-bench-1"

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, str(ROOT / "bench"))
from corpus import generator_hash  # noqa: E402


def fail(message, code=1):
    print(f"run.py: {message}", file=sys.stderr)
    sys.exit(code)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, action="extend", nargs="+", metavar="N",
                    help="corpus size; repeat or list several (default: 1000)")
    ap.add_argument("--runs", type=int, default=5, help="timed rounds after the warm-up (default: 5)")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of %(default)s")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="write the tools' output under DIR and keep it (default: a temporary folder in memory)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write every measurement to FILE")
    ap.add_argument("--hugo", help="the hugo binary (default: /usr/bin/hugo, else hugo on PATH)")
    ap.add_argument("--require-hugo", action="store_true", help="fail instead of skipping when hugo is missing")
    ap.add_argument("--seed", default=SEED, help="corpus seed (default: %(default)s)")
    ap.add_argument("--baseline", type=Path, metavar="BIN",
                    help="another stratdoc binary (an earlier commit's), timed in the same rounds as `baseline`")
    a = ap.parse_args()
    a.pages = sorted(set(a.pages or [1000]))
    a.tools = [t.strip() for t in a.tools.split(",") if t.strip()]
    unknown = set(a.tools) - set(TOOLS)
    if unknown or not a.tools:
        ap.error(f"--tools takes some of {', '.join(TOOLS)}, not {', '.join(sorted(unknown)) or 'nothing'}")
    if a.runs < 1 or min(a.pages) < 20:
        ap.error("--runs must be at least 1 and --pages at least 20")
    if a.baseline:
        if not (a.baseline.is_file() and os.access(a.baseline, os.X_OK)):
            ap.error(f"--baseline {a.baseline} is not an executable")
        a.baseline = a.baseline.resolve()
        a.tools.append("baseline")
    return a


def find_hugo(args):
    """The hugo binary and its version, or None (with a note) when it is missing."""
    path = shutil.which(args.hugo or "/usr/bin/hugo") or (None if args.hugo else shutil.which("hugo"))
    if path:
        try:
            out = subprocess.run([path, "version"], capture_output=True, text=True, check=True, timeout=60)
            return path, out.stdout.strip()
        except (OSError, subprocess.SubprocessError) as e:
            why = f"{path} does not run ({e})"
    elif args.hugo:
        why = f"--hugo {args.hugo} is not an executable"
    else:
        why = "hugo is not installed (Debian: apt-get install hugo)"
    if args.require_hugo:
        fail(f"{why}; --require-hugo was given", 2)
    print(f"run.py: {why}: skipping it", file=sys.stderr)
    return None


def build(tools):
    """The release binaries; cargo does nothing when they are up to date."""
    steps = []
    if "stratdoc" in tools:
        steps.append(["cargo", "build", "--release", "--locked", "--quiet"])
    if "floor" in tools:
        steps.append(["cargo", "build", "--release", "--locked", "--quiet", "--manifest-path",
                      str(ROOT / "bench" / "floor" / "Cargo.toml"), "--target-dir", str(BENCH / "floor")])
    for cmd in steps:
        print(f"run.py: {' '.join(cmd[:5])}{' (floor)' if 'floor' in str(cmd) else ''}", file=sys.stderr)
        if subprocess.run(cmd, cwd=ROOT).returncode != 0:
            fail(f"`{' '.join(cmd)}` failed", 2)


def corpus(pages, seed):
    """target/bench/corpus-N, generated unless it is there from the same generator and seed."""
    home = BENCH / f"corpus-{pages}" if seed == SEED else BENCH / f"corpus-{pages}-{seed}"
    stamp = home / "corpus.json"
    if stamp.exists():
        info = json.loads(stamp.read_text(encoding="utf-8"))
        if (info.get("pages"), info.get("seed"), info.get("generator")) == (pages, seed, generator_hash()):
            return home, info
    cmd = [sys.executable, str(ROOT / "bench" / "corpus.py"), "--pages", str(pages), "--out", str(home),
           "--seed", seed]
    if subprocess.run(cmd).returncode != 0:
        fail(f"generating the {pages}-page corpus failed", 2)
    return home, json.loads(stamp.read_text(encoding="utf-8"))


def commands(tools, hugo, baseline, home, out):
    """Each tool's command line on corpus `home`, writing under `out`."""
    cmds = {
        "stratdoc": [str(STRATDOC), "build", str(home / "stratdoc"), "--out", str(out / "stratdoc")],
        "baseline": [str(baseline), "build", str(home / "stratdoc"), "--out", str(out / "baseline")],
        "hugo": [hugo, "--quiet", "-s", str(home / "hugo"), "-d", str(out / "hugo")],
        "floor": [str(FLOOR), str(home / "stratdoc" / "content"), str(out / "floor")],
    }
    return {t: cmds[t] for t in tools}


# A child's peak memory (ru_maxrss) counts the pages it starts with, and a
# child spawned by run.py starts as a copy of run.py (about 20 MiB), more than
# the floor ever uses. So on Linux each tool is started by a small shell that
# forks it and exits at once; run.py, made the reaper of orphans
# (PR_SET_CHILD_SUBREAPER), adopts the tool and waits for it: its rusage is
# then its own, with the shell's 1-2 MiB as the only overstatement.
PR_SET_CHILD_SUBREAPER = 36
LAUNCH = 'log=$1; shift; "$@" </dev/null >"$log" 2>&1 & echo $!'


def adopt_orphans():
    """True when run.py now reaps its grandchildren (Linux)."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


ADOPTS = sys.platform == "linux" and adopt_orphans()


def measure(cmd, log):
    """Runs `cmd` to completion: (exit code, wall s, user s, sys s, peak KiB) of the tool alone."""
    start = time.perf_counter()
    if ADOPTS:
        r, w = os.pipe()
        shell = os.posix_spawn("/bin/sh", ["/bin/sh", "-c", LAUNCH, "sh", str(log), *cmd], os.environ,
                               file_actions=[(os.POSIX_SPAWN_DUP2, w, 1)])
        os.close(w)
        with os.fdopen(r) as out:
            pid = int(out.read().strip() or 0)
        os.waitpid(shell, 0)
        if not pid:
            fail(f"/bin/sh did not start {cmd[0]}", 2)
    else:
        actions = [(os.POSIX_SPAWN_OPEN, 1, str(log), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
                   (os.POSIX_SPAWN_DUP2, 1, 2), (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0)]
        pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=actions)
    try:
        _, status, usage = os.wait4(pid, 0)
    except KeyboardInterrupt:
        # A job started with `&` ignores Ctrl-C, so stop the tool ourselves.
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        raise
    wall = time.perf_counter() - start
    return os.waitstatus_to_exitcode(status), wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss


def run_round(cmds, order, pages, logs):
    """One run of each tool in `order`; stops the benchmark on a failure."""
    results = {}
    for tool in order:
        log = logs / f"{tool}.log"
        code, wall, user, system, rss = measure(cmds[tool], log)
        if code != 0:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            fail(f"{tool} exited with {code} on the {pages:,}-page corpus; not timing a failed build.\n"
                 f"$ {' '.join(cmds[tool])}\n{tail}")
        results[tool] = {"wall_s": wall, "cpu_s": user + system, "user_s": user, "sys_s": system,
                         "peak_mib": rss / 1024}
    return results


def bench(pages, args, hugo, out_root):
    """The warm-up and the timed rounds at one size; returns the corpus figures and the runs."""
    home, info = corpus(pages, args.seed)
    out = out_root / str(pages)
    out.mkdir(parents=True, exist_ok=True)
    cmds = commands(args.tools, hugo, args.baseline, home, out)
    print(f"\nrun.py: {pages:,} pages: warm-up and {args.runs} round(s) of {', '.join(args.tools)}",
          file=sys.stderr)
    warmup = run_round(cmds, args.tools, pages, out)
    # stratdoc's own last line: pages, files and warnings (not where it wrote them).
    summary = [line.split(" → ")[0] for line in
               (out / "stratdoc.log").read_text(encoding="utf-8").strip().splitlines()[-1:]] \
        if "stratdoc" in cmds else []
    runs = {t: [] for t in args.tools}
    for k in range(args.runs):
        order = args.tools[k % len(args.tools):] + args.tools[:k % len(args.tools)]
        for tool, result in run_round(cmds, order, pages, out).items():
            runs[tool].append(result)
        print(f"  round {k + 1}: " + ", ".join(f"{t} {runs[t][-1]['wall_s']:.2f} s" for t in args.tools),
              file=sys.stderr)
    medians = {t: {key: statistics.median(r[key] for r in rs) for key in rs[0]} for t, rs in runs.items()}
    result = {"pages": pages, "corpus": info, "stratdoc_says": summary[0] if summary else None,
              "warmup": warmup, "runs": runs, "median": medians}
    result["noisy"] = noisy(result)
    return result


def print_table(result):
    info, med, runs = result["corpus"], result["median"], result["runs"]
    mb = info["stratdoc"]["md_bytes"] / 1e6
    print(f"\n{result['pages']:,} pages ({mb:.1f} MB of Markdown; median of {len(next(iter(runs.values())))})")
    if result["stratdoc_says"]:
        print(f"  {result['stratdoc_says']}")
    print(f"  {'tool':<10}{'wall s':>9}{'(min–max)':>17}{'CPU s':>9}{'peak MiB':>10}")
    for tool, m in med.items():
        walls = [r["wall_s"] for r in runs[tool]]
        spread = f"({min(walls):.3f}–{max(walls):.3f})"
        print(f"  {tool:<10}{m['wall_s']:>9.3f}{spread:>17}{m['cpu_s']:>9.3f}{m['peak_mib']:>10.0f}")
    for other in ("hugo", "floor", "baseline"):
        if "stratdoc" in med and other in med:
            wall, cpu, peak = (med["stratdoc"][k] / med[other][k] for k in ("wall_s", "cpu_s", "peak_mib"))
            if other == "baseline":
                # The same work before and after a change: finer figures, and its cost in memory.
                print(f"  stratdoc / baseline: {wall:.3f} × the wall time, {cpu:.3f} × the CPU time, "
                      f"{peak:.3f} × the peak memory")
            else:
                print(f"  stratdoc / {other}: {wall:.2f} × the wall time, {cpu:.2f} × the CPU time")


def ratios(results):
    """stratdoc's largest corpus against its smallest, and how many more pages that is."""
    if len(results) < 2 or "stratdoc" not in results[0]["median"]:
        return None
    small, large = results[0], results[-1]
    grew = {key: large["median"]["stratdoc"][key] / small["median"]["stratdoc"][key] for key in ("wall_s", "cpu_s")}
    return {"from": small["pages"], "to": large["pages"], "pages": large["pages"] / small["pages"],
            "wall": grew["wall_s"], "cpu": grew["cpu_s"]}


# The tools' output goes to memory (tmpfs) unless --keep says otherwise. On a
# disk, making a file costs what the file system is going through: on ext4,
# after many files are deleted (every benchmark deletes its output), it
# searches for free inodes for a while, and the floor, which does little else
# but make files, measured 1.1-2.2 s at 10,000 pages between runs of one
# binary (0.05 s against 0.8 s of system time for 1,000 files). In memory the
# same runs measure the tools' own work.
SHM = Path("/dev/shm")


def is_tmpfs(path):
    """True when `path` is on a tmpfs: the file system of the longest mount point above it (Linux)."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text(encoding="utf-8").splitlines()]
    except OSError:
        return False
    path = Path(path).resolve()
    above = [(len(m[1]), m[2]) for m in mounts if len(m) > 2 and path.is_relative_to(m[1])]
    return max(above, default=(0, None))[1] == "tmpfs"


def scratch(pages, tools):
    """A new folder for `tools` tools' output: in memory when there is room, else in the system's temp."""
    # Each tool's site is at most ~50 KB a page (stratdoc's is 48 KB at 10,000),
    # with room to spare.
    need = (tools + 1) * 50_000 * max(pages)
    where = SHM if is_tmpfs(SHM) and shutil.disk_usage(SHM).free > need else None
    return Path(tempfile.mkdtemp(prefix="stratdoc-bench-", dir=where)), where is not None


def noisy(result, share=0.10, floor_s=0.02):
    """The tools whose wall times spread (slowest - fastest) more than `share` of their median
    and more than `floor_s`, below which a spread is the clock's and the process start's."""
    spread = {t: (max(walls) - min(walls), result["median"][t]["wall_s"])
              for t, walls in ((t, [r["wall_s"] for r in rs]) for t, rs in result["runs"].items())}
    return {t: width / median for t, (width, median) in spread.items() if width > max(share * median, floor_s)}


def machine(hugo_version):
    rev = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    return {"date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(), "load": os.getloadavg(),
            "system": platform.platform(), "python": platform.python_version(),
            "stratdoc": rev.stdout.strip() or None, "hugo": hugo_version}


def main():
    args = parse_args()
    found = find_hugo(args) if "hugo" in args.tools else None
    if "hugo" in args.tools and not found:
        args.tools.remove("hugo")
        if not args.tools:
            fail("nothing left to run", 2)
    build(args.tools)
    env = machine(found[1] if found else None)
    env["baseline"] = str(args.baseline) if args.baseline else None
    out_root, env["in_memory"] = (args.keep, is_tmpfs(args.keep)) if args.keep else scratch(args.pages, len(args.tools))
    env["out"] = str(out_root)
    try:
        results = [bench(n, args, found[0] if found else None, out_root.resolve()) for n in args.pages]
    finally:
        if not args.keep:
            shutil.rmtree(out_root, ignore_errors=True)
    env["load_after"] = os.getloadavg()
    print(f"\n{env['date']}, {env['cpus']} CPUs, load {env['load'][0]:.1f} before and "
          f"{env['load_after'][0]:.1f} after; stratdoc {env['stratdoc']}; {env['hugo'] or 'no hugo'}"
          + (f"; baseline {env['baseline']}" if env["baseline"] else ""))
    where = "in memory (tmpfs)" if env["in_memory"] else "on disk: the file system's own swings are in the times"
    print(f"output {where}: {'kept in ' + str(out_root) if args.keep else 'removed'}")
    for result in results:
        print_table(result)
        for tool, spread in result["noisy"].items():
            print(f"  noisy: {tool}'s wall times spread {spread * 100:.0f} % of its median; "
                  f"the machine was busy, compare with care or run again")
    growth = ratios(results)
    if growth:
        print(f"\nstratdoc at {growth['to']:,} / {growth['from']:,} pages: {growth['wall']:.1f} × the wall time, "
              f"{growth['cpu']:.1f} × the CPU time, for {growth['pages']:g} × the pages")
    if args.json:
        args.json.write_text(json.dumps({"machine": env, "results": results, "growth": growth}, indent=2,
                                        ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
