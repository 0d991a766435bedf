#!/usr/bin/env bash
# Prints the path of a Chromium executable for the browser tests, installing Debian's chromium
# package first when none is found. Idempotent: a second run only prints the path.
set -euo pipefail

find_chromium() {
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    if path="$(command -v "$name" 2>/dev/null)"; then
      echo "$path"
      return 0
    fi
  done
  return 1
}

if ! find_chromium >/dev/null; then
  # Test runs started side by side may all get here: one installs, the others wait for it.
  exec 9>"${TMPDIR:-/tmp}/thc-ensure-chromium.lock"
  flock -w 900 9
  if ! find_chromium >/dev/null; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "chromium not found; installing the Debian package" >&2
    $SUDO apt-get update >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y chromium >&2
  fi
fi

find_chromium
