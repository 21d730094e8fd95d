#!/usr/bin/python3
"""notmuch2 in-process: the first page of each query (newest first), as the app's list needs it.

Usage: notmuch-inprocess.py <notmuch-config> <runs> <queries.json>
queries.json is a list of notmuch query strings. Prints one JSON object: per query and
mode ("messages": 50 messages with id, thread, date, From, Subject; "threads": 50
threads with their subject, authors and counts) the p50/p95/max in ms and the hits, and the
same over all queries. Process start and database open are not timed (they are reported
apart), so this is notmuch at its fastest, inside one process like the app.
"""
import json
import math
import sys
import time

import notmuch2

PAGE = 50


def first_messages(db, query):
    out = []
    for m in db.messages(query, sort=notmuch2.Database.SORT.NEWEST_FIRST, exclude_tags=[]):
        out.append((m.messageid, m.threadid, m.date, m.header('from'), m.header('subject')))
        if len(out) == PAGE:
            break
    return len(out)


def first_threads(db, query):
    out = []
    for t in db.threads(query, sort=notmuch2.Database.SORT.NEWEST_FIRST, exclude_tags=[]):
        out.append((t.threadid, t.subject, t.authors, t.matched, len(t), t.last))
        if len(out) == PAGE:
            break
    return len(out)


def summarize(samples):
    s = sorted(samples)
    pick = lambda p: s[min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1)]
    r = lambda x: round(x, 2)
    return {'p50': r(pick(50)), 'p95': r(pick(95)), 'max': r(s[-1])}


def main():
    config, runs, queries_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    queries = json.load(open(queries_file))
    t0 = time.perf_counter()
    db = notmuch2.Database(mode=notmuch2.Database.MODE.READ_ONLY, config=config)
    open_ms = (time.perf_counter() - t0) * 1000
    result = {'openMs': round(open_ms, 2), 'modes': {}}
    for mode, fn in (('messages', first_messages), ('threads', first_threads)):
        per_query, every = {}, []
        for q in queries:
            fn(db, q)  # warm
            samples, hits = [], 0
            for _ in range(runs):
                t = time.perf_counter()
                hits = fn(db, q)
                samples.append((time.perf_counter() - t) * 1000)
            every.extend(samples)
            per_query[q] = dict(summarize(samples), hits=hits)
        result['modes'][mode] = {'overall': summarize(every), 'perQuery': per_query}
    db.close()
    print(json.dumps(result))


main()
