#!/usr/bin/env python3
"""Prints the side-by-side table of bench/run.sh.

usage: summarize.py FLOE_RESULTS [ANCHOR_RESULTS]

Both folders hold the anchor's file layout (written by its run.sh and by bench/run.sh alike):
<setup>-run{1,2,3}.{txt,time,cpu,ticks}, <setup>-unloaded.txt, <setup>.meta, <setup>.probe.
The figures are computed the anchor's way (its summarize.py): median of the 3 runs for each column.
"""
import re
import statistics
import sys
from pathlib import Path

UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
TARGET = 5.0   # issue 2: Floe's uncached render should beat Django by 5x in the same run


def lat(txt, pct):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s|m)\s*$" % pct, txt, re.M)
    return float(m.group(1)) * UNIT[m.group(2)]


def parse(r, setup, i):
    txt = (r / f"{setup}-run{i}.txt").read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", txt).group(1))
    nreq = int(re.search(r"(\d+) requests in", txt).group(1))
    errs = re.findall(r"(Socket errors:.*|Non-2xx or 3xx responses:.*)", txt)
    real, user, sys_ = map(float, (r / f"{setup}-run{i}.time").read_text().split()[-3:])
    busy = float((r / f"{setup}-run{i}.cpu").read_text())
    t = dict(kv.split("=") for kv in (r / f"{setup}-run{i}.ticks").read_text().split())
    hz = float(t["hz"])
    return dict(rps=rps, p50=lat(txt, 50), p99=lat(txt, 99), wrk=(user + sys_) / real, busy=busy,
                srv_req=int(t["srv_ticks"]) / hz / nreq * 1000,
                pg_req=int(t["pg_ticks"]) / hz / nreq * 1000, errs=errs)


def load(r, key):
    if not (r / f"{key}.meta").exists():
        return None
    runs = [parse(r, key, i) for i in (1, 2, 3)]
    med = {k: statistics.median(x[k] for x in runs) for k in runs[0] if k != "errs"}
    med["all"] = "/".join(f"{x['rps']:.0f}" for x in runs)
    med["errs"] = sorted({e.strip() for x in runs for e in x["errs"]})
    med["meta"] = dict(kv.split("=", 1) for kv in (r / f"{key}.meta").read_text().split())
    med["unloaded"] = lat((r / f"{key}-unloaded.txt").read_text(), 50)
    med["probe"] = (r / f"{key}.probe").read_text().strip()
    return med


def ms(v):
    return f"{v:.2f} ms" if v < 10 else (f"{v:.1f} ms" if v < 100 else f"{v:.0f} ms")


def scale_targets(data):
    """Issue 7's targets, as ratios within this run."""
    print()
    print("| issue 7 (same run) | figure | target | |")
    print("|---|---|---|---|")

    def row(label, value, target, met):
        status = "" if not target else "MET" if met else "NOT MET"
        print(f"| {label} | {value} | {target} | {status} |")
    for cached, static, label in (("floe-cached", "nginx-floe", "cached page / nginx static, plain"),
                                  ("floe-cached-gzip", "nginx-floe-gzip", "cached page / nginx static, gzip"),
                                  ("floe-redis-cached", "nginx-floe", "cached page in Redis / nginx static, plain"),
                                  ("floe-redis-cached-gzip", "nginx-floe-gzip", "cached page in Redis / nginx static, gzip")):
        if cached in data and static in data:
            r = data[cached]["rps"] / data[static]["rps"]
            row(label, f"{r * 100:.0f}% ({data[cached]['rps']:.0f} / {data[static]['rps']:.0f} req/s, "
                       f"p99 {ms(data[cached]['p99'])})", ">= 50%", r >= 0.5)
    if "floe" in data and "django" in data:
        r = data["floe"]["rps"] / data["django"]["rps"]
        row("uncached page / Django uncached", f"{r:.2f}x", ">= 5x", r >= 5)
    if "floe" in data:
        row("uncached page p99", ms(data["floe"]["p99"]), "< 50 ms", data["floe"]["p99"] < 50)
        row("server CPU per uncached page", f"{data['floe']['srv_req']:.2f} ms", "", True)
        start = int(data["floe"]["meta"]["startup_ms"])
        row("start-up to ready (AOT cache)", f"{start} ms", "< 3000 ms", start < 3000)
    rss = {k: int(d["meta"]["rss_kb"]) / 1024 for k, d in data.items() if k.startswith("floe") and "rss_kb" in d["meta"]}
    if rss:
        worst = max(rss, key=rss.get)
        row("RSS of an instance after load (largest)", f"{rss[worst]:.0f} MiB ({worst})", "< 300 MB", rss[worst] * 1.048576 < 300)
    if "floe-api" in data:
        row("API req/s (uncached)", f"{data['floe-api']['rps']:.0f}", "", True)


def main():
    floe_r = Path(sys.argv[1])
    anchor_r = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    info = dict(kv.split("=", 1) for kv in (floe_r / "floe.info").read_text().split())
    rows = [("floe", floe_r, f"Floe page render, uncached ({info['page_bytes']} B HTML)"),
            ("floe-warm", floe_r, "Floe page render, uncached, after a long warm-up (extra)"),
            ("floe-api", floe_r, f"Floe GET /api/v2/pages/{info['article_id']}/ ({info['api_bytes']} B JSON)"),
            # bench/scale.sh's rows
            ("floe-cached", floe_r, "Floe page from the in-process page cache"),
            ("floe-cached-gzip", floe_r, "Floe page from the in-process page cache, gzip"),
            ("floe-redis-cached", floe_r, "Floe page from the page cache in Redis"),
            ("floe-redis-cached-gzip", floe_r, "Floe page from the page cache in Redis, gzip"),
            ("nginx-floe", floe_r, "nginx serving Floe's page as a static file"),
            ("nginx-floe-gzip", floe_r, "nginx serving Floe's page as a static file, gzip_static")]
    if anchor_r:
        dj_bytes = (anchor_r / "django-body.bin").stat().st_size if (anchor_r / "django-body.bin").exists() else "?"
        rows += [("django", anchor_r, f"Django + gunicorn (5 sync), uncached ({dj_bytes} B HTML)"),
                 ("django-cached", anchor_r, "Django + per-view cache (locmem)"),
                 ("nginx", anchor_r, "nginx static file"),
                 ("nginx-gzip1", anchor_r, "nginx static, gzip level 1"),
                 ("nginx-gzip6", anchor_r, "nginx static, gzip level 6")]
    data = {}
    print()
    print("| setup | req/s median (3 runs) | p50 | p99 | p50 @1 conn | server CPU ms/req (PostgreSQL) "
          "| RSS after load | start-up to ready / 1st 200 | CPU probe |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key, r, name in rows:
        d = load(r, key)
        if d is None:
            continue
        data[key] = d
        m = d["meta"]
        pg = f" ({d['pg_req']:.3f})" if d["pg_req"] else ""
        rss = f"{int(m['rss_kb']) / 1024:.0f} MiB" + (f", {m['nproc']} procs" if m.get("nproc", "1") != "1" else "")
        start = f"{m['startup_ms']} ms"
        if key == "floe" and "first_start_ms" in m:
            start += f" (first start with migrations {m['first_start_ms']} ms)"
        print(f"| {name} | **{d['rps']:.0f}** ({d['all']}) | {ms(d['p50'])} | {ms(d['p99'])} | {ms(d['unloaded'])} "
              f"| {d['srv_req']:.3f}{pg} | {rss} | {start} | {d['probe']} ms |")

    f = data.get("floe")
    if f and "django" in data:
        print()
        print("| ratio (same run) | throughput, Floe / other | server CPU per request, other / Floe "
              "| p50 latency @1 conn, other / Floe |")
        print("|---|---|---|---|")

        def ratio(a, b, label):
            x, y = data[a], data[b]
            print(f"| {label} | **{x['rps'] / y['rps']:.2f}x** | {y['srv_req'] / x['srv_req']:.2f}x "
                  f"| {y['unloaded'] / x['unloaded']:.2f}x |")
        ratio("floe", "django", "Floe render / Django uncached")
        ratio("floe", "django-cached", "Floe render / Django cached")
        ratio("floe", "nginx", "Floe render / nginx static")
        if "floe-warm" in data:
            ratio("floe-warm", "django", "Floe render after a long warm-up / Django uncached")
            ratio("floe-warm", "nginx", "Floe render after a long warm-up / nginx static")
        ratio("floe-api", "django", "Floe API / Django uncached render")
        ratio("floe-api", "nginx", "Floe API / nginx static")
        r = f["rps"] / data["django"]["rps"]
        print()
        print(f"target (issue 2): Floe's uncached render >= {TARGET:.0f}x Django uncached: "
              f"{r:.2f}x -> {'MET' if r >= TARGET else 'NOT MET'} (the anchor's protocol: 3 s warm-up)")
        if "floe-warm" in data:
            r2 = data["floe-warm"]["rps"] / data["django"]["rps"]
            print(f"   after a long warm-up: {r2:.2f}x -> {'MET' if r2 >= TARGET else 'NOT MET'}")
        print(f"CPU probe (lower = faster VM): Floe rows {f['probe']} ms, Django row {data['django']['probe']} ms"
              " (compare ratios only when these are close)")
    if "floe-cached" in data:
        scale_targets(data)
    print("(ratios above 1 favour Floe in every column)")
    print("\nserver CPU ms/req: utime+stime ticks of the server process (gunicorn: master and workers; nginx: master"
          " and workers) over the run, divided by requests; PostgreSQL's in brackets. wrk shares the 2 cores.")
    for key, d in data.items():
        for e in d["errs"]:
            print(f"wrk error lines, {key}: {e}")


if __name__ == "__main__":
    main()
