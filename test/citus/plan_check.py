#!/usr/bin/env python3
"""test/citus/plan_check.py CITUS.json LOCAL.json: is a view's aggregation
pushed down to the workers?

Reads EXPLAIN (VERBOSE, FORMAT JSON) of one query on the Citus coordinator and
on a single server.  The fact tables are htx_cooperative and
htx_cooperative_year (their shards: NAME_<shardid>).  A task is a query Citus
sends to a node; it "reads facts" when its plan scans a fact shard and
"aggregates" when an Aggregate node in its plan sits above such a scan (a
worker partial aggregate, or a whole GROUP BY pushed down).  The query's
aggregation is pushed down when:
  P1  no Distributed Subplan ships fact rows unaggregated (they would become
      an intermediate result on the coordinator: every row moved);
  P2  the coordinator does not aggregate fact rows the workers sent
      unaggregated (an Aggregate above a Custom Scan whose tasks read facts
      without aggregating);
  P3  when the single-server plan aggregates fact rows, some task aggregates
      fact rows on the workers.
Prints "ok" or the reasons, one a line, and exits 0 or 1.
"""
import json
import re
import sys

FACT = re.compile(r'^htx_cooperative(_year)?(_[0-9]+)?$')


def nodes(plan):
    yield plan
    for child in plan.get('Plans', []):
        yield from nodes(child)


def scans_fact(plan):
    return any(FACT.match(n.get('Relation Name', '')) for n in nodes(plan))


def aggregates_fact(plan):
    return any(n.get('Node Type') == 'Aggregate' and scans_fact(n) for n in nodes(plan))


def root(doc):
    return (doc[0] if isinstance(doc, list) else doc)['Plan']


tasks = []      # (in_subplan, reads, aggregates, coordinator_aggregates_above, query)


def walk(plan, in_subplan, agg_above):
    agg_here = agg_above or plan.get('Node Type') == 'Aggregate'
    dq = plan.get('Distributed Query')
    if dq:
        for sub in dq.get('Subplans', []):
            for ps in sub.get('PlannedStmt', []):
                walk(ps['Plan'], True, False)
        for task in dq.get('Job', {}).get('Tasks', []):
            remote = task.get('Remote Plan')
            while isinstance(remote, list):
                remote = remote[0] if remote else None
            rp = remote['Plan'] if remote else {}
            tasks.append((in_subplan, scans_fact(rp), aggregates_fact(rp), agg_above,
                          task.get('Query', '')))
    for child in plan.get('Plans', []):
        walk(child, in_subplan, agg_here)


def main():
    with open(sys.argv[1]) as f:
        citus = json.load(f)
    with open(sys.argv[2]) as f:
        local = json.load(f)
    walk(root(citus), False, False)
    reasons = []
    for in_subplan, reads, agg, agg_above, query in tasks:
        q = ' '.join(query.split())
        q = q if len(q) <= 160 else q[:160] + '...'
        if reads and not agg and in_subplan:
            reasons.append('P1: a Distributed Subplan ships fact rows unaggregated to the coordinator: ' + q)
        elif reads and not agg and agg_above:
            reasons.append('P2: the coordinator aggregates fact rows the workers sent unaggregated: ' + q)
    if aggregates_fact(root(local)) and not any(reads and agg for _, reads, agg, _, _ in tasks):
        reasons.append('P3: one server aggregates the fact rows, but no task aggregates them on the workers')
    if reasons:
        print('\n'.join(reasons))
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
