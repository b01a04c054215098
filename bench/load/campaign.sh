#!/usr/bin/env bash
# The load and fault campaign of issue 15 against deploy/local-cluster.sh (three nodes, HAProxy, PostgreSQL, Redis)
# with the 100,000-worker company: the month's reading mix at 50 and 200 virtual users, then under a steady load a
# node killed, a node frozen, and PostgreSQL restarted. Reports go to bench/load/reports/.
#   npm ci (once), then bench/load/campaign.sh
set -euo pipefail
cd "$(dirname "$0")"
CLUSTER=../../deploy/local-cluster.sh
export SIPP_DEMO=1 SIPP_LARGE=100000
# The virtual users all come from 127.0.0.1 as one user: the per-address and per-account limits are lifted for the run.
export SIPP_RATE_LIMIT=1000000
mkdir -p reports
$CLUSTER start

# Fresh sessions before each run: a virtual user replays the cookie it was given and never stores the renewed one a
# browser would, so a session file is good for the idle timeout (5 minutes) only.
run() { ./sessions.sh 20 > /dev/null; npx artillery run -e "$1" -o "reports/$2.json" month.yml > "reports/$2.txt" 2>&1 || true; }

run vu50 vu50
run vu200 vu200

run fault kill-node & sleep 20; $CLUSTER kill 2; sleep 25; $CLUSTER revive 2; wait
run fault freeze-node & sleep 20; $CLUSTER freeze 3; sleep 20; $CLUSTER thaw 3; wait
run fault restart-db & sleep 25; $CLUSTER restart-db; wait

$CLUSTER stop
node summary.js reports/*.json
