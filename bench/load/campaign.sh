#!/usr/bin/env bash
# The load and fault campaign of issue 15 against deploy/local-cluster.sh (three nodes, HAProxy, PostgreSQL, Redis)
# with the 100,000-worker company: the month's mix (month.yml: reading, and closing the month) at 50 and 200 virtual
# users, then under a steady load a node killed, a node frozen, and PostgreSQL restarted; then checks the data.
# Reports go to bench/load/reports/.
#   npm ci (once), then bench/load/campaign.sh
set -euo pipefail
cd "$(dirname "$0")"
CLUSTER=../../deploy/local-cluster.sh
export SIPP_DEMO=1 SIPP_LARGE=100000
# The virtual users all come from 127.0.0.1 as one user: the per-address and per-account limits are lifted for the run.
export SIPP_RATE_LIMIT=1000000
mkdir -p reports
$CLUSTER start

# Fresh sessions before each run (sessions.sh): each virtual user starts from one signed-in session's cookies and keeps
# the renewed ones as a browser does.
run() {
  ./sessions.sh 20 > /dev/null
  (set -a; . ./bill.env; npx artillery run -e "$1" -o "reports/$2.json" month.yml > "reports/$2.txt" 2>&1) || true
}

# What a user would check after the faults: the bill paid once, March computed once per worker, every upload checked.
verify() {
  local psql="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql -h 127.0.0.1 -p ${SIPP_PG_PORT:-55432} -U postgres -d sipp -tA"
  . ./bill.env
  echo "Payments of bill $SIPP_KODE_IURAN (expected 1): $($psql -c "SELECT count(*) FROM \"Payments\" p JOIN \"Bills\" b ON b.\"Id\" = p.\"BillId\" WHERE b.\"KodeIuran\" = '$SIPP_KODE_IURAN'")"
  echo "March 2026: workers in the period, lines of its computation, distinct workers among them (all three equal): $($psql -F ', ' -c "SELECT p.\"WorkerCount\", count(l.*), count(DISTINCT l.\"EmploymentId\") FROM \"ContributionPeriods\" p JOIN \"ContributionLines\" l ON l.\"PeriodId\" = p.\"Id\" AND l.\"Computation\" = p.\"Computation\" WHERE p.\"Period\" = '2026-03' GROUP BY p.\"WorkerCount\"")"
  echo "Uploads by state (1 = still being checked, expected none; 3 = ready to import; 2 = refused): $($psql -F '=' -c "SELECT \"State\", count(*) FROM \"UploadBatches\" GROUP BY 1 ORDER BY 1" | tr '\n' ' ')"
}

run vu50 vu50
run vu200 vu200

run fault kill-node & sleep 20; $CLUSTER kill 2; sleep 25; $CLUSTER revive 2; wait
run fault freeze-node & sleep 20; $CLUSTER freeze 3; sleep 20; $CLUSTER thaw 3; wait
run fault restart-db & sleep 25; $CLUSTER restart-db; wait

# A check whose node was killed is claimed again when its lease (2 minutes) lapses.
sleep 150
verify | tee reports/data-check.txt
$CLUSTER stop
node summary.js reports/*.json
