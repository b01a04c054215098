#!/usr/bin/env bash
# Login answer times over real HTTP: a locked account, an unknown email and a wrong password must take the same time
# (the answer is the same text; the time must not tell them apart either). Starts the portal on SQLite with the demo
# data on 127.0.0.1:5099, locks the officer with five wrong passwords, then times each case with curl.
#   bash bench/login-timing.sh [samples]
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-25}
port=5099
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/Sipp.Web -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Sipp="Data Source=$work/sipp.db" Database__SeedPaidMonth=false \
  RateLimits__Login__PermitLimit=100000 RateLimits__LoginPerAccount__PermitLimit=100000 Uploads__Folder="$work/uploads" \
  dotnet src/Sipp.Web/bin/Release/net10.0/Sipp.Web.dll --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Sipp.Web" >"$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.5; done

# One attempt: fetch the form (cookie and token), then time the POST alone. Prints seconds.
attempt() {
  local jar="$work/jar-$RANDOM" token
  token=$(curl -s -c "$jar" "http://127.0.0.1:$port/masuk" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/masuk" \
    --data-urlencode "Email=$1" --data-urlencode "Password=$2" --data-urlencode "__RequestVerificationToken=$token"
  rm -f "$jar"
}

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f ms (n=%d)\n", m*1000, NR}'; }

for i in 1 2 3 4 5; do attempt petugas@bpjs.local "salah-$i" >/dev/null; done   # the officer is now locked
for i in 1 2 3; do attempt admin@bpjs.local "pemanasan-$i" >/dev/null; done     # warm-up, and the admin stays unlocked (< 5)

locked=$(for i in $(seq "$samples"); do attempt petugas@bpjs.local "apa-saja-$i"; done | median)
unknown=$(for i in $(seq "$samples"); do attempt "tidak-ada-$i-$RANDOM@contoh.co.id" "apa-saja-$i"; done | median)
# A wrong password locks after five: spread the samples over fresh demo-less accounts is not possible, so use four
# tries each on the two other demo accounts (admin already has three).
wrong=$( (attempt admin@bpjs.local x1; for i in 1 2 3 4; do attempt hrd@contoh.co.id "salah-$i"; done) | median)
echo "median answer time of POST /masuk (wrong credentials):"
echo "  locked account   $locked"
echo "  unknown email    $unknown"
echo "  wrong password   $wrong"
