#!/usr/bin/env bash
# A local trace viewer without Docker: Zipkin server (in-memory storage) from Maven Central.
#   infra/local/zipkin.sh up|down|status
#
#   up      fetch the jar once into the cache, start Zipkin unless it runs, wait until healthy
#   down    stop the Zipkin that `up` started (pid file only)
#   status  exit 0 when Zipkin answers, 3 otherwise
#
# The services send spans to it with OTEL_TRACES_EXPORTER=zipkin and
# OTEL_EXPORTER_ZIPKIN_ENDPOINT=http://127.0.0.1:9411/api/v2/spans (npm start sets both).
#
# Environment (all optional):
#   ZIPKIN_PORT=9411          ZIPKIN_VERSION=3.5.1 (io.zipkin:zipkin-server:<version>:jar:exec)
#   ZIPKIN_HEAP_OPTS=-Xmx256m THC_CACHE_DIR (~/.cache/thc)  THC_INFRA_DIR (<repo>/.infra)
#   ZIPKIN_MAX_SPANS=100000   spans kept in memory (the oldest traces are dropped past it)
#   THC_READY_TIMEOUT=90
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd -P)"
PORT="${ZIPKIN_PORT:-9411}"
VERSION="${ZIPKIN_VERSION:-3.5.1}"
CACHE_DIR="${THC_CACHE_DIR:-${HOME}/.cache/thc}"
STATE_DIR="${THC_INFRA_DIR:-${REPO_ROOT}/.infra}"
READY_TIMEOUT="${THC_READY_TIMEOUT:-90}"
read -r -a HEAP <<<"${ZIPKIN_HEAP_OPTS:--Xmx256m}"
# In-memory storage keeps 500,000 spans by default, more than the heap holds: a long demo ran
# Zipkin out of memory. Past this many spans it drops the oldest traces instead.
MAX_SPANS="${ZIPKIN_MAX_SPANS:-100000}"
JAR="${CACHE_DIR}/zipkin-${VERSION}/zipkin-server-${VERSION}-exec.jar"
PID_FILE="${STATE_DIR}/run/zipkin.pid"
LOG_FILE="${STATE_DIR}/logs/zipkin.log"

log() { printf '[zipkin] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

healthy() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${PORT}/health" 2>/dev/null; }

our_pid() {
  [[ -f "${PID_FILE}" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"${PID_FILE}")"
  [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q "zipkin-server-${VERSION}-exec.jar" || return 1
  echo "${pid}"
}

fetch() {
  [[ -s "${JAR}" ]] && return 0
  command -v mvn >/dev/null || die "Maven is required to fetch io.zipkin:zipkin-server:${VERSION}"
  mkdir -p "$(dirname "${JAR}")"
  (
    flock -w 600 8 || die "timed out waiting for the zipkin cache lock"
    [[ -s "${JAR}" ]] && exit 0
    log "fetching io.zipkin:zipkin-server:${VERSION}:jar:exec from Maven Central"
    local tmp="${JAR%/*}/tmp.$$"
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
      "-Dartifact=io.zipkin:zipkin-server:${VERSION}:jar:exec" "-DoutputDirectory=${tmp}" \
      >"${JAR%/*}/fetch.log" 2>&1 || {
      tail -n 15 "${JAR%/*}/fetch.log" >&2
      rm -rf "${tmp}"
      die "Maven could not fetch zipkin-server ${VERSION} (see ${JAR%/*}/fetch.log)"
    }
    mv "${tmp}/zipkin-server-${VERSION}-exec.jar" "${JAR}"
    rm -rf "${tmp}"
  ) 8>"${CACHE_DIR}/.zipkin-${VERSION}.lock"
}

cmd_up() {
  if healthy; then
    log "already answering on http://127.0.0.1:${PORT}/zipkin/"
    return 0
  fi
  command -v java >/dev/null || die "Java 17+ is required to run Zipkin"
  fetch
  mkdir -p "${STATE_DIR}/run" "${STATE_DIR}/logs"
  [[ -s "${LOG_FILE}" ]] && mv -f "${LOG_FILE}" "${LOG_FILE}.1"
  (
    cd "${STATE_DIR}"
    exec setsid nohup java "${HEAP[@]}" -jar "${JAR}" "--server.port=${PORT}" "--server.address=127.0.0.1" \
      "--zipkin.storage.mem.max-spans=${MAX_SPANS}"
  ) </dev/null >>"${LOG_FILE}" 2>&1 &
  echo $! >"${PID_FILE}"
  local deadline=$(($(date +%s) + READY_TIMEOUT))
  until healthy; do
    if ! our_pid >/dev/null; then
      tail -n 30 "${LOG_FILE}" >&2 || true
      die "Zipkin exited before answering (log: ${LOG_FILE})"
    fi
    (($(date +%s) < deadline)) || die "Zipkin did not answer within ${READY_TIMEOUT}s (log: ${LOG_FILE})"
    sleep 0.5
  done
  log "Zipkin ${VERSION}: http://127.0.0.1:${PORT}/zipkin/ (pid $(cat "${PID_FILE}"), log ${LOG_FILE})"
}

cmd_down() {
  local pid
  if ! pid="$(our_pid)"; then
    rm -f "${PID_FILE}"
    log "not started by this script; nothing to stop"
    return 0
  fi
  kill -TERM "${pid}" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.1; done
  kill -0 "${pid}" 2>/dev/null && kill -KILL "${pid}" 2>/dev/null || true
  rm -f "${PID_FILE}"
  log "stopped pid ${pid}"
}

cmd_status() {
  if healthy; then
    echo "zipkin    running            127.0.0.1:${PORT}  http://127.0.0.1:${PORT}/zipkin/"
  else
    echo "zipkin    stopped            127.0.0.1:${PORT}"
    return 3
  fi
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *)
    sed -n '2,/^set -euo pipefail/p' "${BASH_SOURCE[0]}" | sed -n 's/^# \{0,1\}//p' >&2
    exit 2
    ;;
esac
