#!/usr/bin/env bash
# A production-shaped Sipp on this machine: PostgreSQL, Redis, three nodes (each with its own home and upload folder,
# as on separate machines) and HAProxy with TLS and active health checks on /health/ready.
#
#   deploy/local-cluster.sh start     build, start everything, wait until the balancer answers
#   deploy/local-cluster.sh stop      stop everything (the data folder stays until the next start)
#   deploy/local-cluster.sh kill N    kill -9 node N        deploy/local-cluster.sh freeze|thaw N   SIGSTOP/SIGCONT node N
#   deploy/local-cluster.sh restart-db
#
# Needs: the .NET 10 SDK, postgresql (initdb, pg_ctl), redis-server, haproxy, openssl — apt-get install postgresql
# redis-server haproxy. Environment: SIPP_CLUSTER_DIR (default /tmp/sipp-cluster), SIPP_NODES (default 3),
# SIPP_DEMO=1 to seed the demo companies, SIPP_LARGE=N to add a company of N workers (NPP 20000001), SIPP_RATE_LIMIT=N
# to lift the per-address and per-account limits for a load test from one machine. The BNI_VA channel's secret for
# signing payment notices is in $SIPP_CLUSTER_DIR/bank-secret.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=${SIPP_CLUSTER_DIR:-/tmp/sipp-cluster}
NODES=${SIPP_NODES:-3}
PG_PORT=${SIPP_PG_PORT:-55432}
REDIS_PORT=${SIPP_REDIS_PORT:-56379}
HTTPS_PORT=${SIPP_HTTPS_PORT:-8443}
STATS_PORT=${SIPP_STATS_PORT:-8404}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=sipp;Username=postgres;Maximum Pool Size=40"

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

node_pid() { cat "$DIR/node$1/pid"; }

start_node() {
  local n=$1 home="$DIR/node$1"
  mkdir -p "$home/uploads"
  HOME="$home" ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 \
  Database__Provider=Postgres ConnectionStrings__Sipp="$CONNECTION" \
  Database__Seed="$([ "${SIPP_DEMO:-0}" = 1 ] && echo true || echo false)" Database__SeedPaidMonth=false \
  Redis__Configuration="127.0.0.1:$REDIS_PORT,abortConnect=false" Uploads__Folder="$home/uploads" \
  Security__ForwardedHeaders__Enabled=true Security__ForwardedHeaders__KnownProxies__0=127.0.0.1 \
  RateLimits__Login__PermitLimit="${SIPP_RATE_LIMIT:-30}" RateLimits__Otp__PermitLimit="${SIPP_RATE_LIMIT:-30}" \
  Payments__Channels__0__Secret="$(cat "$DIR/bank-secret")" \
  RateLimits__Calculator__PermitLimit="${SIPP_RATE_LIMIT:-60}" RateLimits__LoginPerAccount__PermitLimit="${SIPP_RATE_LIMIT:-20}" \
  nohup dotnet "$DIR/app/Sipp.Web.dll" --contentRoot "$DIR/app" --urls "http://127.0.0.1:$((5100 + n))" > "$home/log.json" 2>&1 &
  echo $! > "$home/pid"
}

start() {
  mkdir -p "$DIR"
  # The BNI channel's signing secret, as a bank would be given it: the load campaign's payment notices sign with it.
  [ -f "$DIR/bank-secret" ] || openssl rand -hex 32 > "$DIR/bank-secret"
  echo "Building into $DIR/app"
  dotnet publish src/Sipp.Web -c Release -o "$DIR/app" --nologo -v quiet

  if [ ! -f "$DIR/pg/data/PG_VERSION" ]; then
    mkdir -p "$DIR/pg/data" && chown -R postgres "$DIR/pg" 2>/dev/null || true
    as_postgres "$PG_BIN/initdb -D $DIR/pg/data -U postgres --auth=trust -E UTF8 >/dev/null"
    printf "listen_addresses='127.0.0.1'\nport=%s\nmax_connections=300\nunix_socket_directories='%s'\nshared_buffers=1GB\n" "$PG_PORT" "$DIR/pg" >> "$DIR/pg/data/postgresql.conf"
  fi
  as_postgres "$PG_BIN/pg_ctl -D $DIR/pg/data -l $DIR/pg/log -w start >/dev/null"
  as_postgres "$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -tc \"SELECT 1 FROM pg_database WHERE datname='sipp'\" | grep -q 1 || $PG_BIN/createdb -h 127.0.0.1 -p $PG_PORT -U postgres sipp"

  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --pidfile "$DIR/redis.pid" >/dev/null

  if [ ! -f "$DIR/tls/haproxy.pem" ]; then
    mkdir -p "$DIR/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 30 -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" 2>/dev/null
    cat "$DIR/tls/cert.pem" "$DIR/tls/key.pem" > "$DIR/tls/haproxy.pem"
  fi

  # All nodes at once, as a deploy would: they take turns at migrating and seeding (an advisory lock).
  for n in $(seq 1 "$NODES"); do start_node "$n"; done

  local servers=""
  for n in $(seq 1 "$NODES"); do servers+="    server node$n 127.0.0.1:$((5100 + n)) check"$'\n'; done
  sed -e "s|@DIR@|$DIR|g" -e "s|@HTTPS_PORT@|$HTTPS_PORT|g" -e "s|@STATS_PORT@|$STATS_PORT|g" deploy/haproxy.cfg.template \
    | awk -v servers="$servers" '{ if ($0 == "@SERVERS@") printf "%s", servers; else print }' > "$DIR/haproxy.cfg"
  haproxy -f "$DIR/haproxy.cfg" -D -p "$DIR/haproxy.pid"

  echo -n "Waiting for the nodes"
  for _ in $(seq 1 180); do
    local ready=0
    for n in $(seq 1 "$NODES"); do curl -fs -H "X-Forwarded-Proto: https" "http://127.0.0.1:$((5100 + n))/health/ready" >/dev/null && ready=$((ready + 1)); done
    [ "$ready" = "$NODES" ] && break
    echo -n "."; sleep 1
  done
  echo
  if [ "${SIPP_LARGE:-0}" -gt 0 ] && [ ! -f "$DIR/large-seeded" ]; then
    echo "Adding a company of $SIPP_LARGE workers (NPP 20000001)"
    HOME="$DIR/node1" Database__Provider=Postgres ConnectionStrings__Sipp="$CONNECTION" \
      Security__ForwardedHeaders__Enabled=true Security__ForwardedHeaders__KnownProxies__0=127.0.0.1 \
      dotnet "$DIR/app/Sipp.Web.dll" seed --workers "$SIPP_LARGE" --contentRoot "$DIR/app" > "$DIR/large-seed.log" 2>&1 && touch "$DIR/large-seeded"
  fi

  curl -fsk "https://127.0.0.1:$HTTPS_PORT/health/ready" >/dev/null && echo "Sipp: https://127.0.0.1:$HTTPS_PORT (HAProxy stats: http://127.0.0.1:$STATS_PORT)" \
    || { echo "The balancer does not answer; see $DIR/node*/log.json"; exit 1; }
}

stop() {
  [ -f "$DIR/haproxy.pid" ] && kill "$(cat "$DIR/haproxy.pid")" 2>/dev/null || true
  for home in "$DIR"/node*; do
    [ -f "$home/pid" ] || continue
    kill -CONT "$(cat "$home/pid")" 2>/dev/null || true
    kill "$(cat "$home/pid")" 2>/dev/null || true
  done
  [ -f "$DIR/redis.pid" ] && kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
  [ -f "$DIR/pg/data/PG_VERSION" ] && as_postgres "$PG_BIN/pg_ctl -D $DIR/pg/data -w stop -m fast >/dev/null" || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  kill) kill -9 "$(node_pid "$2")"; echo "node$2 killed" ;;
  freeze) kill -STOP "$(node_pid "$2")"; echo "node$2 frozen" ;;
  thaw) kill -CONT "$(node_pid "$2")"; echo "node$2 running again" ;;
  revive) start_node "$2"; echo "node$2 started" ;;
  restart-db) as_postgres "$PG_BIN/pg_ctl -D $DIR/pg/data -w restart -m fast >/dev/null"; echo "PostgreSQL restarted" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
