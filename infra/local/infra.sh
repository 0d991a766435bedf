#!/usr/bin/env bash
# Local, Docker-free infrastructure for development and tests:
#   - Apache Kafka 3.9.x (jars from Maven Central), single node, KRaft broker+controller
#   - FerretDB v1.24.2 (MongoDB wire protocol) on its SQLite backend, built from Go modules
#   - Mailpit v1.33.1 (SMTP server that keeps every mail, web UI and REST API), built from
#     its Go module source, web UI included (npm)
#
# Usage: infra/local/infra.sh up|down|status|clean|build [kafka|ferretdb|mailpit ...]
#
#   up      fetch/build what is missing, start what is not running, wait until ready
#   down    stop what `up` started (pid files only); SIGTERM, then SIGKILL after a timeout
#   status  one line per component; exit 0 when all are up, 3 otherwise
#   clean   down, then delete the components' data (Kafka log dirs, FerretDB SQLite files,
#           Mailpit's database)
#   build   fetch/build only, start nothing; print on stdout, one line per component, the
#           Kafka libs folder or the FerretDB / Mailpit binary (for tests that run their own)
#
# Environment (all optional):
#   KAFKA_PORT=9092  KAFKA_CONTROLLER_PORT=9093  MONGO_PORT=27017
#   MAILPIT_SMTP_PORT=1025  MAILPIT_HTTP_PORT=8025 (web UI and REST API)
#   THC_KAFKA_VERSION   Kafka version to fetch and run (default 3.9.1, falls back to 3.9.2)
#   THC_CACHE_DIR       downloads and builds, shared between checkouts (~/.cache/thc)
#   THC_INFRA_DIR       pids, logs, data (<repo>/.infra)
#   THC_READY_TIMEOUT   seconds to wait for each component to become ready (90)
#   THC_STOP_TIMEOUT    seconds to wait after SIGTERM before SIGKILL (30)
#   KAFKA_HEAP_OPTS     JVM heap flags for the broker (-Xmx1g -Xms256m)
#   THC_FERRETDB_LOG_LEVEL  FerretDB log level: debug, info, warn, error (info)
#
# Everything listens on 127.0.0.1 only.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd -P)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
MONGO_PORT="${MONGO_PORT:-27017}"
MAILPIT_SMTP_PORT="${MAILPIT_SMTP_PORT:-1025}"
MAILPIT_HTTP_PORT="${MAILPIT_HTTP_PORT:-8025}"
KAFKA_DEFAULT_VERSION="3.9.1"
KAFKA_FALLBACK_VERSION="3.9.2"
KAFKA_VERSION="${THC_KAFKA_VERSION:-${KAFKA_DEFAULT_VERSION}}"
FERRETDB_VERSION="1.24.2"
MAILPIT_VERSION="1.33.1"
# A demo day sends thousands of mails; Mailpit's default keeps only the latest 500.
MAILPIT_MAX_MESSAGES=50000
CACHE_DIR="${THC_CACHE_DIR:-${HOME}/.cache/thc}"
STATE_DIR="${THC_INFRA_DIR:-${REPO_ROOT}/.infra}"
READY_TIMEOUT="${THC_READY_TIMEOUT:-90}"
STOP_TIMEOUT="${THC_STOP_TIMEOUT:-30}"
KAFKA_HEAP="${KAFKA_HEAP_OPTS:--Xmx1g -Xms256m}"

ALL_COMPONENTS=(kafka ferretdb mailpit)

# ---------------------------------------------------------------------------------------
# small helpers

log() { printf '[infra] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

now_ms() { date +%s%3N; }

# fmt_ms <milliseconds> -> "12.345s"
fmt_ms() { printf '%d.%03ds' "$(($1 / 1000))" "$(($1 % 1000))"; }

# timing <component> <step> <start_ms>
timing() {
  local ms=$(($(now_ms) - $3))
  log "$(printf '%-9s %-7s %9s' "$1" "$2" "$(fmt_ms "${ms}")")"
}

# abs_path <dir>: absolute physical path of a directory (which may not exist yet)
abs_path() {
  if [[ -d "$1" ]]; then
    (cd "$1" && pwd -P)
  elif [[ "$1" == /* ]]; then
    printf '%s\n' "$1"
  else
    printf '%s/%s\n' "$(pwd -P)" "$1"
  fi
}

# port_open <port>: true when something accepts TCP connections on 127.0.0.1:<port>
port_open() {
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash, on purpose
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# pid_cmdline <pid>: the process's command line, empty when it does not exist
pid_cmdline() {
  if [[ -r "/proc/$1/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true
  else
    ps -ww -p "$1" -o args= 2>/dev/null || true
  fi
}

# pid_alive <pid>: the process exists and is not a zombie (an exited daemon whose parent,
# init here, has not reaped it yet still answers kill -0)
pid_alive() {
  local stat
  kill -0 "$1" 2>/dev/null || return 1
  stat="$(ps -o stat= -p "$1" 2>/dev/null || true)"
  stat="${stat//[[:space:]]/}"
  [[ -n "${stat}" && "${stat}" != Z* ]]
}

component_port() {
  case "$1" in
    kafka) echo "${KAFKA_PORT}" ;;
    ferretdb) echo "${MONGO_PORT}" ;;
    mailpit) echo "${MAILPIT_HTTP_PORT}" ;;
  esac
}

# What identifies our own process in its command line (guards against pid reuse).
component_marker() {
  case "$1" in
    kafka) echo "kafka.Kafka ${STATE_DIR}/kafka/server.properties" ;;
    ferretdb) echo "--sqlite-url=file:${STATE_DIR}/ferretdb/data/" ;;
    mailpit) echo "--database ${STATE_DIR}/mailpit/mailpit.db" ;;
  esac
}

pid_file() { echo "${STATE_DIR}/run/$1.pid"; }
log_file() { echo "${STATE_DIR}/logs/$1.log"; }

# our_pid <component>: print the pid recorded by `up` when that process is still ours
our_pid() {
  local f pid
  f="$(pid_file "$1")"
  [[ -f "${f}" ]] || return 1
  pid="$(tr -dc '0-9' <"${f}")"
  [[ -n "${pid}" ]] || return 1
  pid_alive "${pid}" || return 1
  [[ "$(pid_cmdline "${pid}")" == *"$(component_marker "$1")"* ]] || return 1
  echo "${pid}"
}

# show_log_tail <component>
show_log_tail() {
  local f
  f="$(log_file "$1")"
  if [[ -f "${f}" ]]; then
    log "last 40 lines of ${f}:"
    tail -n 40 "${f}" >&2 || true
  fi
  log "$1 log: ${f}"
}

# Components found served by a process that infra.sh did not start (set by cmd_up).
EXTERNAL=" "

# fail_component <component> <message>
fail_component() {
  log "ERROR: $1: $2"
  if [[ "${EXTERNAL}" == *" $1 "* ]]; then
    log "$1: 127.0.0.1:$(component_port "$1") is served by a process that infra.sh did not start;" \
      "stop it or choose another port (KAFKA_PORT, KAFKA_CONTROLLER_PORT, MONGO_PORT," \
      "MAILPIT_SMTP_PORT, MAILPIT_HTTP_PORT)"
  else
    show_log_tail "$1"
  fi
  exit 1
}

# rotate_log <component>: keep the previous run's log as <name>.log.1
rotate_log() {
  local f
  f="$(log_file "$1")"
  if [[ -s "${f}" ]]; then mv -f "${f}" "${f}.1"; fi
  : >"${f}"
}

need() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not on PATH ($2)"
}

# with_cache_lock <name> <command...>: serialise cache writers across checkouts
with_cache_lock() {
  local name="$1"
  shift
  mkdir -p "${CACHE_DIR}"
  (
    flock -w 900 8 || die "timed out waiting for ${CACHE_DIR}/.${name}.lock"
    "$@"
  ) 8>"${CACHE_DIR}/.${name}.lock"
}

# ---------------------------------------------------------------------------------------
# Kafka: fetch jars with Maven into the cache

kafka_dir() { echo "${CACHE_DIR}/kafka-$1"; }

# kafka_libs_complete <version>: the marker lists every jar of a finished fetch
kafka_libs_complete() {
  local dir marker jar
  dir="$(kafka_dir "$1")"
  marker="${dir}/.complete"
  [[ -f "${marker}" && -f "${dir}/libs/kafka_2.13-$1.jar" ]] || return 1
  while IFS= read -r jar; do
    [[ -z "${jar}" || -f "${dir}/libs/${jar}" ]] || return 1
  done <"${marker}"
}

# kafka_fetch_version <version>: download into a temporary folder, then move into place
kafka_fetch_version() {
  local version="$1" dir tmp
  kafka_libs_complete "${version}" && return 0
  need mvn "Maven fetches the Kafka jars from Maven Central"
  dir="$(kafka_dir "${version}")"
  tmp="${dir}/libs.tmp.$$"
  rm -rf "${tmp}"
  mkdir -p "${dir}"
  log "kafka: fetching org.apache.kafka:kafka_2.13:${version} with Maven into ${dir}/libs"
  if ! mvn -B -q -f "${SCRIPT_DIR}/kafka/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="${tmp}" -Dkafka.version="${version}" \
    >"${dir}/fetch.log" 2>&1; then
    rm -rf "${tmp}"
    log "kafka: Maven could not fetch ${version} (see ${dir}/fetch.log):"
    tail -n 15 "${dir}/fetch.log" >&2 || true
    return 1
  fi
  [[ -f "${tmp}/kafka_2.13-${version}.jar" ]] || {
    rm -rf "${tmp}"
    log "kafka: fetch finished but kafka_2.13-${version}.jar is missing"
    return 1
  }
  rm -rf "${dir}/libs" "${dir}/.complete"
  mv "${tmp}" "${dir}/libs" || return 1
  (cd "${dir}/libs" && ls -1 -- *.jar) >"${dir}/.complete.tmp" || return 1
  mv "${dir}/.complete.tmp" "${dir}/.complete" || return 1
}

# kafka_fetch: sets KAFKA_LIBS; falls back to 3.9.2 only when no version was requested
kafka_fetch() {
  if ! with_cache_lock "kafka-${KAFKA_VERSION}" kafka_fetch_version "${KAFKA_VERSION}"; then
    if [[ -z "${THC_KAFKA_VERSION:-}" && "${KAFKA_VERSION}" == "${KAFKA_DEFAULT_VERSION}" ]]; then
      log "kafka: ${KAFKA_VERSION} refused, trying ${KAFKA_FALLBACK_VERSION}"
      KAFKA_VERSION="${KAFKA_FALLBACK_VERSION}"
      with_cache_lock "kafka-${KAFKA_VERSION}" kafka_fetch_version "${KAFKA_VERSION}" ||
        die "kafka: could not fetch ${KAFKA_DEFAULT_VERSION} nor ${KAFKA_FALLBACK_VERSION}"
    else
      die "kafka: could not fetch ${KAFKA_VERSION}"
    fi
  fi
  KAFKA_LIBS="$(kafka_dir "${KAFKA_VERSION}")/libs"
}

# kafka_resolve_version: without a requested version, prefer what is already cached
kafka_resolve_version() {
  if [[ -z "${THC_KAFKA_VERSION:-}" ]] && ! kafka_libs_complete "${KAFKA_DEFAULT_VERSION}" &&
    kafka_libs_complete "${KAFKA_FALLBACK_VERSION}"; then
    KAFKA_VERSION="${KAFKA_FALLBACK_VERSION}"
  fi
}

# kafka_java_cmd: sets KAFKA_JAVA to the JVM command line shared by every Kafka tool
kafka_java_cmd() {
  local -a heap
  read -r -a heap <<<"${KAFKA_HEAP}"
  KAFKA_JAVA=(java "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent
    -Djava.awt.headless=true
    "-Dlog4j.configuration=file:${SCRIPT_DIR}/kafka/log4j.properties"
    "-Dkafka.logs.dir=${STATE_DIR}/logs/kafka"
    -cp "${KAFKA_LIBS}/*")
}

kafka_java() {
  kafka_java_cmd
  "${KAFKA_JAVA[@]}" "$@"
}

kafka_write_config() {
  local tmpl conf="${STATE_DIR}/kafka/server.properties"
  tmpl="$(<"${SCRIPT_DIR}/kafka/server.properties.tmpl")"
  tmpl="${tmpl//@@KAFKA_PORT@@/${KAFKA_PORT}}"
  tmpl="${tmpl//@@CONTROLLER_PORT@@/${KAFKA_CONTROLLER_PORT}}"
  tmpl="${tmpl//@@DATA_DIR@@/${STATE_DIR}/kafka/data}"
  printf '%s\n' "${tmpl}" >"${conf}.tmp"
  mv "${conf}.tmp" "${conf}"
}

kafka_format() {
  local conf="${STATE_DIR}/kafka/server.properties" id_file="${STATE_DIR}/kafka/cluster-id" id
  [[ -f "${STATE_DIR}/kafka/data/meta.properties" ]] && return 0
  if [[ ! -s "${id_file}" ]]; then
    id="$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$(log_file kafka)" | tail -n 1)"
    [[ -n "${id}" ]] || fail_component kafka "StorageTool random-uuid printed nothing"
    printf '%s\n' "${id}" >"${id_file}"
  fi
  id="$(<"${id_file}")"
  kafka_java kafka.tools.StorageTool format -t "${id}" -c "${conf}" --ignore-formatted \
    >>"$(log_file kafka)" 2>&1 || fail_component kafka "formatting KRaft storage failed"
}

kafka_launch() {
  local pid
  mkdir -p "${STATE_DIR}/kafka/data" "${STATE_DIR}/logs/kafka"
  rotate_log kafka
  kafka_write_config
  kafka_format
  kafka_java_cmd
  # setsid: own session, so the broker outlives the shell that ran `up` (and npm);
  # 9>&-: do not let the broker inherit the state lock.
  (
    cd "${STATE_DIR}/kafka"
    exec setsid nohup "${KAFKA_JAVA[@]}" kafka.Kafka "${STATE_DIR}/kafka/server.properties"
  ) </dev/null >>"$(log_file kafka)" 2>&1 9>&- &
  pid=$!
  printf '%s\n' "${pid}" >"$(pid_file kafka)"
  log "kafka: started ${KAFKA_VERSION}, pid ${pid}, 127.0.0.1:${KAFKA_PORT} (controller 127.0.0.1:${KAFKA_CONTROLLER_PORT})"
}

kafka_ready() {
  run_ready_script kafka "${SCRIPT_DIR}/wait-kafka.mjs" --brokers "127.0.0.1:${KAFKA_PORT}"
}

# ---------------------------------------------------------------------------------------
# FerretDB: build from Go modules into the cache

ferretdb_bin() { echo "${CACHE_DIR}/ferretdb-${FERRETDB_VERSION}/ferretdb"; }

ferretdb_source_hash() {
  (cd "${SCRIPT_DIR}/ferretdb" && cat go.mod go.sum main.go patches/*.patch) | sha256sum | cut -d' ' -f1
}

# Builds the wrapper against FerretDB's module source with infra/local/ferretdb/patches applied
# (see each patch's header for why), in a scratch copy: the module cache stays read-only.
ferretdb_build_patched() {
  local out="$1" work src
  work="$(dirname "${out}")/build.$$"
  rm -rf "${work}" && mkdir -p "${work}"
  cp "${SCRIPT_DIR}/ferretdb/main.go" "${SCRIPT_DIR}/ferretdb/go.mod" "${SCRIPT_DIR}/ferretdb/go.sum" "${work}/"
  (
    set -e
    cd "${work}"
    go mod download github.com/FerretDB/FerretDB
    src="$(go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)"
    cp -R "${src}" ferretdb-src
    chmod -R u+w ferretdb-src
    for p in "${SCRIPT_DIR}"/ferretdb/patches/*.patch; do
      echo "applying $(basename "${p}")"
      patch -d ferretdb-src -p1 --forward <"${p}"
    done
    go mod edit -replace github.com/FerretDB/FerretDB=./ferretdb-src
    CGO_ENABLED=0 go build -mod=readonly -trimpath -o "${out}" .
  )
  local rc=$?
  rm -rf "${work}"
  return "${rc}"
}

ferretdb_build_locked() {
  local bin stamp hash
  bin="$(ferretdb_bin)"
  stamp="${bin}.stamp"
  hash="$(ferretdb_source_hash)"
  if [[ -x "${bin}" && -f "${stamp}" && "$(<"${stamp}")" == "${hash}" ]]; then
    return 0
  fi
  need go "Go builds FerretDB from the Go module proxy"
  mkdir -p "$(dirname "${bin}")"
  log "ferretdb: building v${FERRETDB_VERSION} (CGO_ENABLED=0) into ${bin}"
  if ! ferretdb_build_patched "${bin}.tmp.$$" >"${bin}.build.log" 2>&1; then
    rm -f "${bin}.tmp.$$"
    tail -n 30 "${bin}.build.log" >&2 || true
    die "ferretdb: go build failed (see ${bin}.build.log)"
  fi
  mv -f "${bin}.tmp.$$" "${bin}"
  printf '%s\n' "${hash}" >"${stamp}"
}

ferretdb_build() { with_cache_lock "ferretdb-${FERRETDB_VERSION}" ferretdb_build_locked; }

ferretdb_launch() {
  local pid bin data
  bin="$(ferretdb_bin)"
  data="${STATE_DIR}/ferretdb/data"
  mkdir -p "${data}"
  rotate_log ferretdb
  (
    cd "${STATE_DIR}/ferretdb"
    exec setsid nohup "${bin}" --handler=sqlite --sqlite-url="file:${data}/" \
      --listen-addr="127.0.0.1:${MONGO_PORT}" --telemetry=disable --debug-addr=- --state-dir=- \
      --log-level="${THC_FERRETDB_LOG_LEVEL:-info}"
  ) </dev/null >>"$(log_file ferretdb)" 2>&1 9>&- &
  pid=$!
  printf '%s\n' "${pid}" >"$(pid_file ferretdb)"
  log "ferretdb: started v${FERRETDB_VERSION}, pid ${pid}, mongodb://127.0.0.1:${MONGO_PORT}/ (SQLite in ${data})"
}

ferretdb_ready() {
  run_ready_script ferretdb "${SCRIPT_DIR}/wait-mongo.mjs" --url "mongodb://127.0.0.1:${MONGO_PORT}/"
}

# ---------------------------------------------------------------------------------------
# Mailpit: built from its published module source, web UI included, into the cache

mailpit_bin() { echo "${CACHE_DIR}/mailpit-${MAILPIT_VERSION}/mailpit"; }

# Stamped with it so that `mailpit version` and GET /api/v1/info name the release, as the
# project's own release builds do (otherwise they say "dev").
MAILPIT_LDFLAGS="-s -w -X github.com/axllent/mailpit/config.Version=v${MAILPIT_VERSION}"

# The module's package-lock.json pins rapidoc 12.1.0 (the API docs page, /api/v1/), which the
# npm registry reachable here does not serve; 9.3.8 is its newest there and renders that page.
# Every other package is installed at the lock's version.
MAILPIT_UI_PINS=(rapidoc=9.3.8)

# What the cached binary was built from; a binary with another stamp (one built without the
# UI, say) is rebuilt once.
MAILPIT_STAMP="ui(${MAILPIT_UI_PINS[*]}) ${MAILPIT_LDFLAGS}"

# mailpit_node: the project's Node 24 when `npm install` has put it there, else the system's
mailpit_node() {
  if [[ -x "${REPO_ROOT}/node_modules/.bin/node" ]]; then
    readlink -f "${REPO_ROOT}/node_modules/.bin/node"
  else
    command -v node
  fi
}

# The published module holds the UI's sources (server/ui-src) but not what `go:embed ui` needs
# from them (server/ui/dist: app.js, app.css, fonts, docs.js): `go install module@version`
# builds a binary whose UI is a blank page. So, as the project's release build does, the UI is
# built with its own esbuild config before `go build`, in a scratch copy of the module source
# (the module cache stays read-only).
#   --ignore-scripts: esbuild's binary arrives as the optional package @esbuild/<platform>; the
#     two install scripts in the lock (esbuild's check, @parcel/watcher for watch mode) are
#     not needed for a build.
#   --omit=peer: sass-embedded, a peer of esbuild-sass-plugin that the config does not use (it
#     compiles with `sass`), is pinned at a version the registry does not serve.
mailpit_build_from_source() {
  local out="$1" work="$2"
  (
    # Called as an `if` condition, where errexit does not apply: each step checks itself.
    step() { printf '\n== %s (%(%T)T)\n' "$1" -1; }
    run() { "$@" || { echo "failed ($?): $*" && exit 1; }; }
    run cd "${work}"
    step "go mod download github.com/axllent/mailpit@v${MAILPIT_VERSION}"
    run go mod download "github.com/axllent/mailpit@v${MAILPIT_VERSION}"
    run cp -R "$(go env GOMODCACHE)/github.com/axllent/mailpit@v${MAILPIT_VERSION}" src
    run chmod -R u+w src
    # npm and the build script run `node` from PATH: this folder holds only that one.
    run mkdir node-bin
    run ln -s "$(mailpit_node)" node-bin/node
    export PATH="${work}/node-bin:${PATH}"
    run cd src
    step "npm install (node $(node --version), npm $(npm --version))"
    run npm pkg set "${MAILPIT_UI_PINS[@]/#/dependencies.}"
    run env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
      npm install --ignore-scripts --omit=peer --no-audit --no-fund
    step "npm run build"
    run npm run build
    for f in app.js app.css docs.js; do
      run test -s "server/ui/dist/${f}"
    done
    ls -l server/ui/dist
    step "go build (CGO_ENABLED=0)"
    run env CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags "${MAILPIT_LDFLAGS}" -o "${out}" .
    step "done"
  )
}

mailpit_build_locked() {
  local bin work stamp
  bin="$(mailpit_bin)"
  stamp="${bin}.stamp"
  if [[ -x "${bin}" && -f "${stamp}" && "$(<"${stamp}")" == "${MAILPIT_STAMP}" ]]; then
    return 0
  fi
  need go "Go builds Mailpit from the Go module proxy"
  need npm "npm builds Mailpit's web UI"
  [[ -n "$(mailpit_node)" ]] || die "'node' is required but not on PATH (Mailpit's web UI build)"
  work="$(dirname "${bin}")/build.$$"
  rm -rf "${work}" && mkdir -p "${work}"
  log "mailpit: building v${MAILPIT_VERSION} with its web UI (npm, esbuild, CGO_ENABLED=0) into ${bin}"
  if ! mailpit_build_from_source "${bin}.tmp.$$" "${work}" >"${bin}.build.log" 2>&1; then
    rm -rf "${work}" "${bin}.tmp.$$"
    tail -n 30 "${bin}.build.log" >&2 || true
    die "mailpit: build failed (see ${bin}.build.log)"
  fi
  rm -rf "${work}"
  mv -f "${bin}.tmp.$$" "${bin}"
  printf '%s\n' "${MAILPIT_STAMP}" >"${stamp}"
}

mailpit_build() { with_cache_lock "mailpit-${MAILPIT_VERSION}" mailpit_build_locked; }

mailpit_launch() {
  local pid bin
  bin="$(mailpit_bin)"
  mkdir -p "${STATE_DIR}/mailpit"
  rotate_log mailpit
  # --enable-chaos: tests make the SMTP server refuse senders or recipients through the API.
  # --disable-version-check, --smtp-disable-rdns: no lookups leave the machine.
  (
    cd "${STATE_DIR}/mailpit"
    exec setsid nohup "${bin}" --smtp "127.0.0.1:${MAILPIT_SMTP_PORT}" \
      --listen "127.0.0.1:${MAILPIT_HTTP_PORT}" --database "${STATE_DIR}/mailpit/mailpit.db" \
      --max "${MAILPIT_MAX_MESSAGES}" --enable-chaos --disable-version-check --smtp-disable-rdns
  ) </dev/null >>"$(log_file mailpit)" 2>&1 9>&- &
  pid=$!
  printf '%s\n' "${pid}" >"$(pid_file mailpit)"
  log "mailpit: started v${MAILPIT_VERSION}, pid ${pid}, SMTP 127.0.0.1:${MAILPIT_SMTP_PORT}, http://127.0.0.1:${MAILPIT_HTTP_PORT}/"
}

mailpit_ready() {
  run_ready_script mailpit "${SCRIPT_DIR}/wait-mailpit.mjs" \
    --http "http://127.0.0.1:${MAILPIT_HTTP_PORT}" --smtp-port "${MAILPIT_SMTP_PORT}"
}

# ---------------------------------------------------------------------------------------
# readiness

# wait_port <component> <pid or ""> : poll until the port answers, the process dies, or timeout
wait_port() {
  local c="$1" pid="$2" port deadline
  port="$(component_port "${c}")"
  deadline=$(($(date +%s) + READY_TIMEOUT))
  until port_open "${port}"; do
    if [[ -n "${pid}" ]] && ! pid_alive "${pid}"; then
      rm -f "$(pid_file "${c}")"
      fail_component "${c}" "process ${pid} exited before 127.0.0.1:${port} answered"
    fi
    if (($(date +%s) >= deadline)); then
      fail_component "${c}" "127.0.0.1:${port} did not answer within ${READY_TIMEOUT}s"
    fi
    sleep 0.2
  done
}

# run_ready_script <component> <script> <args...>
run_ready_script() {
  local c="$1" script="$2" rc=0
  shift 2
  if ! command -v node >/dev/null 2>&1; then
    log "WARNING: ${c}: node is not on PATH; readiness checked by TCP port only"
    return 0
  fi
  node "${script}" "$@" --timeout "${READY_TIMEOUT}" 9>&- || rc=$?
  case "${rc}" in
    0) ;;
    4) log "WARNING: ${c}: client package missing (npm install); readiness checked by TCP port only" ;;
    *) fail_component "${c}" "readiness check failed (${script##*/} exit ${rc})" ;;
  esac
}

# ---------------------------------------------------------------------------------------
# subcommands

acquire_lock() {
  exec 9>"${STATE_DIR}/.lock"
  if ! flock -n 9; then
    log "another infra.sh holds ${STATE_DIR}/.lock; waiting (up to 15 min)"
    flock -w 900 9 || die "timed out waiting for ${STATE_DIR}/.lock"
  fi
}

init_state() {
  STATE_DIR="$(abs_path "${STATE_DIR}")"
  CACHE_DIR="$(abs_path "${CACHE_DIR}")"
}

# make_state_dirs: only `up` creates the state tree
make_state_dirs() {
  mkdir -p "${STATE_DIR}/run" "${STATE_DIR}/logs" "${STATE_DIR}/kafka" "${STATE_DIR}/ferretdb" \
    "${STATE_DIR}/mailpit"
  STATE_DIR="$(abs_path "${STATE_DIR}")"
}

# Components taken from the command line, default all; sets COMPONENTS.
parse_components() {
  COMPONENTS=()
  local a
  for a in "$@"; do
    case "${a}" in
      kafka) COMPONENTS+=(kafka) ;;
      ferretdb | mongo | mongodb) COMPONENTS+=(ferretdb) ;;
      mailpit | smtp) COMPONENTS+=(mailpit) ;;
      *) die "unknown component '${a}' (kafka, ferretdb, mailpit)" ;;
    esac
  done
  if ((${#COMPONENTS[@]} == 0)); then COMPONENTS=("${ALL_COMPONENTS[@]}"); fi
}

has_component() {
  local c
  for c in "${COMPONENTS[@]}"; do [[ "${c}" == "$1" ]] && return 0; done
  return 1
}

# state_of <component>: prints "ours <pid>", "starting <pid>", "external", or "stopped"
state_of() {
  local c="$1" pid port
  port="$(component_port "${c}")"
  if pid="$(our_pid "${c}")"; then
    if port_open "${port}"; then echo "ours ${pid}"; else echo "starting ${pid}"; fi
  elif port_open "${port}"; then
    echo "external"
  else
    echo "stopped"
  fi
}

cmd_up() {
  local t_all t c st pid
  local -A action=()
  t_all="$(now_ms)"
  make_state_dirs
  acquire_lock
  log "state ${STATE_DIR}, cache ${CACHE_DIR}"

  # 1. decide what to do per component; clear stale pid files
  for c in "${COMPONENTS[@]}"; do
    st="$(state_of "${c}")"
    case "${st}" in
      ours\ *)
        log "${c}: already running (pid ${st#ours }, 127.0.0.1:$(component_port "${c}")), nothing to do"
        action[${c}]=skip
        ;;
      starting\ *)
        log "${c}: our process ${st#starting } is alive but its port does not answer yet; waiting for it"
        action[${c}]=await
        ;;
      external)
        log "${c}: 127.0.0.1:$(component_port "${c}") is already served by a process not started by infra.sh; using it"
        rm -f "$(pid_file "${c}")"
        EXTERNAL+="${c} "
        action[${c}]=external
        ;;
      stopped)
        rm -f "$(pid_file "${c}")"
        action[${c}]=start
        ;;
    esac
  done

  # 2. fetch / build what will be started
  if [[ "${action[kafka]:-}" == start ]]; then
    need java "Kafka runs on the JVM"
    kafka_resolve_version
    t="$(now_ms)"
    kafka_fetch
    timing kafka fetch "${t}"
  fi
  if [[ "${action[ferretdb]:-}" == start ]]; then
    t="$(now_ms)"
    ferretdb_build
    timing ferretdb build "${t}"
  fi
  if [[ "${action[mailpit]:-}" == start ]]; then
    t="$(now_ms)"
    mailpit_build
    timing mailpit build "${t}"
  fi

  # 3. start (Kafka first: it takes longest, FerretDB starts while the JVM warms up)
  if [[ "${action[kafka]:-}" == start ]]; then
    if port_open "${KAFKA_CONTROLLER_PORT}"; then
      die "kafka: controller port 127.0.0.1:${KAFKA_CONTROLLER_PORT} is taken by another process (set KAFKA_CONTROLLER_PORT)"
    fi
    t="$(now_ms)"
    kafka_launch
    timing kafka start "${t}"
  fi
  if [[ "${action[ferretdb]:-}" == start ]]; then
    t="$(now_ms)"
    ferretdb_launch
    timing ferretdb start "${t}"
  fi
  if [[ "${action[mailpit]:-}" == start ]]; then
    if port_open "${MAILPIT_SMTP_PORT}"; then
      die "mailpit: SMTP port 127.0.0.1:${MAILPIT_SMTP_PORT} is taken by another process (set MAILPIT_SMTP_PORT)"
    fi
    t="$(now_ms)"
    mailpit_launch
    timing mailpit start "${t}"
  fi

  # 4. readiness: port first, then a real client round trip
  for c in "${COMPONENTS[@]}"; do
    case "${action[${c}]}" in
      skip) continue ;;
      external) pid="" ;;
      *) pid="$(tr -dc '0-9' <"$(pid_file "${c}")")" ;;
    esac
    t="$(now_ms)"
    wait_port "${c}" "${pid}"
    timing "${c}" port "${t}"
    t="$(now_ms)"
    "${c}_ready"
    timing "${c}" ready "${t}"
  done

  timing all total "${t_all}"
  has_component kafka && log "Kafka:   127.0.0.1:${KAFKA_PORT}"
  has_component ferretdb && log "MongoDB: mongodb://127.0.0.1:${MONGO_PORT}/"
  has_component mailpit &&
    log "Mailpit: http://127.0.0.1:${MAILPIT_HTTP_PORT}/ (SMTP 127.0.0.1:${MAILPIT_SMTP_PORT})"
  return 0
}

# stop_component <component>
stop_component() {
  local c="$1" pid f waited=0
  f="$(pid_file "${c}")"
  if ! pid="$(our_pid "${c}")"; then
    if [[ -f "${f}" ]]; then
      log "${c}: not running (stale pid file removed)"
      rm -f "${f}"
    elif port_open "$(component_port "${c}")"; then
      log "${c}: 127.0.0.1:$(component_port "${c}") is served by a process not started by infra.sh; left alone"
    else
      log "${c}: not running"
    fi
    return 0
  fi
  local t
  t="$(now_ms)"
  log "${c}: stopping pid ${pid} (SIGTERM)"
  kill -TERM "${pid}" 2>/dev/null || true
  while pid_alive "${pid}"; do
    if ((waited >= STOP_TIMEOUT * 10)); then
      log "${c}: still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "${pid}" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "${f}"
  timing "${c}" stop "${t}"
}

cmd_down() {
  local c t
  t="$(now_ms)"
  if [[ ! -d "${STATE_DIR}/run" ]]; then
    log "nothing started from ${STATE_DIR}"
    return 0
  fi
  acquire_lock
  for c in "${COMPONENTS[@]}"; do stop_component "${c}"; done
  timing all down "${t}"
}

cmd_clean() {
  local c
  cmd_down
  for c in "${COMPONENTS[@]}"; do
    case "${c}" in
      kafka) rm -rf "${STATE_DIR}/kafka/data" "${STATE_DIR}/kafka/cluster-id" ;;
      ferretdb) rm -rf "${STATE_DIR}/ferretdb/data" ;;
      mailpit) rm -f "${STATE_DIR}/mailpit/mailpit.db" "${STATE_DIR}/mailpit/mailpit.db-"* ;;
    esac
    log "${c}: data removed"
  done
}

# cmd_build: what `up` would fetch or build, without starting anything; paths on stdout
cmd_build() {
  local c t
  for c in "${COMPONENTS[@]}"; do
    t="$(now_ms)"
    case "${c}" in
      kafka)
        kafka_resolve_version
        kafka_fetch
        timing kafka fetch "${t}"
        printf '%s\n' "${KAFKA_LIBS}"
        ;;
      ferretdb)
        ferretdb_build
        timing ferretdb build "${t}"
        ferretdb_bin
        ;;
      mailpit)
        mailpit_build
        timing mailpit build "${t}"
        mailpit_bin
        ;;
    esac
  done
}

cmd_status() {
  local c st rc=0 pid port
  for c in "${COMPONENTS[@]}"; do
    st="$(state_of "${c}")"
    port="127.0.0.1:$(component_port "${c}")"
    case "${st}" in
      ours\ *) pid="${st#ours }" && printf '%-9s %-18s %-16s pid %s\n' "${c}" running "${port}" "${pid}" ;;
      starting\ *) pid="${st#starting }" && printf '%-9s %-18s %-16s pid %s\n' "${c}" starting "${port}" "${pid}" && rc=3 ;;
      external) printf '%-9s %-18s %-16s pid -\n' "${c}" "running (external)" "${port}" ;;
      *) printf '%-9s %-18s %-16s pid -\n' "${c}" stopped "${port}" && rc=3 ;;
    esac
  done
  printf 'state: %s\n' "${STATE_DIR}"
  return "${rc}"
}

usage() {
  sed -n '2,/^set -euo pipefail/p' "${BASH_SOURCE[0]}" | sed -n 's/^# \{0,1\}//p'
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "${cmd}" in
    up | down | status | clean | build) ;;
    -h | --help | help)
      usage
      return 0
      ;;
    *)
      usage >&2
      return 2
      ;;
  esac
  parse_components "$@"
  need flock "util-linux"
  init_state
  "cmd_${cmd}"
}

main "$@"
