#!/usr/bin/env python3
"""Shares of CPU samples per method, from a JFR recording.

Usage: jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr > samples.txt
       scripts/jfr_aggregate.py samples.txt [--under METHOD] [THREAD-NAME-PART]
Prints the inclusive share of samples of every Vigil, Lucene, Javalin and Jackson method on the
sampled stacks (optionally only stacks through METHOD, e.g. dev.vigil.web.Api.search, and only
threads whose name contains THREAD-NAME-PART), then the methods most often on top of the stack.
docs/search-scale.md quotes its output for the search server (--under dev.vigil.web.Api.search).
"""
import sys, re, collections
args = sys.argv[1:]
under = None
if "--under" in args:
    i = args.index("--under")
    under = args[i + 1]
    del args[i:i + 2]
text = open(args[0]).read()
thread_filter = args[1] if len(args) > 1 else None
events = text.split("jdk.ExecutionSample {")[1:]
incl = collections.Counter(); selfc = collections.Counter(); n = 0
for ev in events:
    m = re.search(r'sampledThread = "([^"]*)"', ev)
    if thread_filter and (not m or thread_filter not in m.group(1)):
        continue
    frames = re.findall(r'^\s+([\w$.<>]+)\(.*?line:', ev, re.M)
    if not frames: continue
    if under and under not in frames: continue
    n += 1
    selfc[frames[0]] += 1
    seen = set()
    for f in frames:
        key = f
        if key in seen: continue
        seen.add(key)
        if f.startswith("dev.vigil") or ".lucene." in f or "javalin" in f or "jackson" in f:
            incl[key] += 1
print("samples", n)
print("--- inclusive")
for k, c in incl.most_common(60): print(f"{100*c/n:5.1f}% {k}")
print("--- self")
for k, c in selfc.most_common(30): print(f"{100*c/n:5.1f}% {k}")
