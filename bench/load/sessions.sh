#!/usr/bin/env bash
# Signs in N times as the demo HR user through the balancer, the whole way a person does (password, the OTP read
# from the outbox in PostgreSQL, the company 20000001/000), and writes each session's cookies to sessions.csv for
# the virtual users. Computes February 2026 of the 100,000-worker division once, so its period page has lines.
#   bench/load/sessions.sh [N=20]
set -euo pipefail
cd "$(dirname "$0")"
N=${1:-20}
BASE=${SIPP_BASE:-https://127.0.0.1:8443}
DIR=${SIPP_CLUSTER_DIR:-/tmp/sipp-cluster}
PSQL="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql -h 127.0.0.1 -p ${SIPP_PG_PORT:-55432} -U postgres -d sipp -tA"
EMAIL=hrd@contoh.co.id
PASSWORD='Sipp-Demo-2026!'
DIVISION=$($PSQL -c "SELECT d.\"Id\" FROM \"Divisions\" d JOIN \"Companies\" c ON c.\"Id\" = d.\"CompanyId\" WHERE c.\"Npp\" = '20000001' AND d.\"Code\" = '000'")

token() { grep -o 'name="sipp-csrf" content="[^"]*"' | head -1 | sed 's/.*content="//; s/"$//'; }

echo "sesi,af" > sessions.csv
for i in $(seq 1 "$N"); do
  jar=$(mktemp)
  t=$(curl -sk -c "$jar" -b "$jar" "$BASE/masuk" | token)
  curl -sk -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Email=$EMAIL" --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$t" "$BASE/masuk"
  code=$($PSQL -c "SELECT substring(\"Body\" from 'Sipp: ([0-9]{6})') FROM \"OutboxMessages\" WHERE \"To\" = '$EMAIL' AND \"Subject\" = 'Kode OTP masuk Sipp' ORDER BY \"Id\" DESC LIMIT 1")
  t=$(curl -sk -c "$jar" -b "$jar" "$BASE/masuk/verifikasi" | token)
  curl -sk -c "$jar" -b "$jar" -o /dev/null --data-urlencode "KodeOtp=$code" --data-urlencode "__RequestVerificationToken=$t" "$BASE/masuk/verifikasi?handler=Verify"
  t=$(curl -sk -c "$jar" -b "$jar" "$BASE/pilih-perusahaan" | token)
  curl -sk -c "$jar" -b "$jar" -o /dev/null --data-urlencode "divisionId=$DIVISION" --data-urlencode "__RequestVerificationToken=$t" "$BASE/pilih-perusahaan"
  if [ "$i" = 1 ]; then
    t=$(curl -sk -c "$jar" -b "$jar" "$BASE/iuran/hitung" | token)
    curl -sk -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Periode=2026-02" --data-urlencode "__RequestVerificationToken=$t" "$BASE/iuran/hitung"
    t=$(curl -sk -c "$jar" -b "$jar" "$BASE/iuran/2026-02" | token)
    curl -sk -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Channel=BNI_VA" --data-urlencode "__RequestVerificationToken=$t" "$BASE/iuran/2026-02?handler=Finalize"
    $PSQL -F ' ' -c "SELECT 'SIPP_KODE_IURAN=' || b.\"KodeIuran\", 'SIPP_JUMLAH=' || b.\"TotalAmount\", 'SIPP_TANGGAL_BAYAR=' || to_char(b.\"IssuedAt\" AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') FROM \"Bills\" b JOIN \"ContributionPeriods\" p ON p.\"Id\" = b.\"PeriodId\" WHERE p.\"DivisionId\" = '$DIVISION' AND p.\"Period\" = '2026-02' AND b.\"Status\" <> 3 ORDER BY b.\"IssuedAt\" DESC LIMIT 1" | tr ' ' '\n' > bill.env
    echo "SIPP_BANK_SECRET=$(cat "$DIR/bank-secret")" >> bill.env
    grep -q '^SIPP_KODE_IURAN=[0-9]' bill.env || { echo "February 2026 was not finalised"; exit 1; }
    { echo "KPJ,Upah,Periode Mulai"; $PSQL -c "SELECT p.\"Kpj\" || ',6000000,2026-04' FROM \"Employments\" e JOIN \"Participants\" p ON p.\"Id\" = e.\"ParticipantId\" WHERE e.\"DivisionId\" = '$DIVISION' AND e.\"Status\" = 2 AND p.\"Kpj\" IS NOT NULL ORDER BY p.\"Kpj\" LIMIT 20"; } > upah.csv
  fi
  cookie=$(sed -e 's/^#HttpOnly_//' "$jar" | awk -F'\t' '!/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }')
  value() { sed -e 's/^#HttpOnly_//' "$jar" | awk -F'\t' -v name="$1" '!/^#/ && $6 == name { print $7 }'; }
  status=$(curl -sk -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE/tenaga-kerja")
  [ "$status" = 200 ] || { echo "session $i: /tenaga-kerja answered $status"; exit 1; }
  echo "$(value Sipp.Sesi),$(value Sipp.Af)" >> sessions.csv
  rm -f "$jar"
done
echo "$N sessions in bench/load/sessions.csv"
