#!/usr/bin/env bash
# Runs the Go tests that the patches in patches/ add to FerretDB (and the tests already there
# in the packages they change), against a scratch copy of the module source with every patch
# applied, as infra.sh builds it.
#
# Usage: infra/local/ferretdb/test-patches.sh [go test flags...]
#   default: -count=1 ./internal/backends/sqlite/...
#   e.g.     infra/local/ferretdb/test-patches.sh -count=1 -run Pushdown -v ./internal/backends/sqlite/
#
# Needs Go and the Go module proxy (first run downloads FerretDB's test dependencies).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-patch-tests.XXXXXX")"
trap 'rm -rf "${work}"' EXIT

cp "${SCRIPT_DIR}/go.mod" "${SCRIPT_DIR}/go.sum" "${SCRIPT_DIR}/main.go" "${work}/"
cd "${work}"
go mod download github.com/FerretDB/FerretDB
src="$(go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)"
cp -R "${src}" ferretdb-src
chmod -R u+w ferretdb-src
for p in "${SCRIPT_DIR}"/patches/*.patch; do
  echo "applying $(basename "${p}")"
  patch -d ferretdb-src -p1 --forward --quiet <"${p}"
done

# Here FerretDB is the main module, so its build/version package insists on this file (the
# published module leaves it out); infra.sh's wrapper module does not need it.
echo v1.24.2 >ferretdb-src/build/version/version.txt

# FerretDB's testutil finds the repository root by looking for .git; the module has none.
# An empty one is enough, and Go must then not try to read version control information from it.
mkdir ferretdb-src/.git
export GOFLAGS="${GOFLAGS:+${GOFLAGS} }-buildvcs=false"

cd ferretdb-src
if (($# == 0)); then set -- -count=1 ./internal/backends/sqlite/...; fi
go test "$@"
