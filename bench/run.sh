#!/usr/bin/env bash
# Measures asyncapi-extract against the compiler's own checks on a large,
# messaging-heavy real module, in the same run and alternating:
#
#   asyncapi-extract ./...   cold (--no-cache) and warm (its run cache)
#   go vet ./...             cold (a flag value that changes every run
#                            defeats vet's result cache) and warm
#   staticcheck ./...        cold (a fresh STATICCHECK_CACHE) and warm
#
# and each again after a comment is added to one file of the module (the
# pre-commit run after an edit),
#
# with the build cache warm for all of them. Wall time, CPU time (user +
# system) and peak RSS come from /usr/bin/time; each is the median of
# RUNS runs. It prints a table and the ratios, and with --update-readme
# writes them into README.md's performance section.
#
#   bench/run.sh [--update-readme]
#   RUNS=3 MODULE=github.com/benthosdev/benthos/v4@v4.24.0 bench/run.sh
#   REPORT_ONLY=1 bench/run.sh --update-readme   (the table of the last runs)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
MODULE=${MODULE:-github.com/benthosdev/benthos/v4@v4.24.0}
STATICCHECK=${STATICCHECK:-honnef.co/go/tools/cmd/staticcheck@v0.8.2}
RUNS=${RUNS:-3}
REPORT_ONLY=${REPORT_ONLY:-}
WORK=${WORK:-/tmp/asyncapi-bench}
update_readme=false
[ "${1:-}" = "--update-readme" ] && update_readme=true

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt-get install time)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >/dev/null; else sudo apt-get install -y -qq time >/dev/null; fi
fi

mkdir -p "$WORK/bin"
echo "== building asyncapi-extract and $STATICCHECK" >&2
go build -o "$WORK/bin/asyncapi-extract" ./cmd/asyncapi-extract
GOBIN="$WORK/bin" GOFLAGS=-mod=mod go install "$STATICCHECK"

echo "== fetching $MODULE" >&2
src=$(go mod download -json "$MODULE" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
[ -n "$src" ] || { echo "cannot download $MODULE" >&2; exit 1; }
mod="$WORK/module"
if [ ! -f "$mod/.copied-from" ] || [ "$(cat "$mod/.copied-from")" != "$MODULE" ]; then
  rm -rf "$mod" && mkdir -p "$mod" && cp -r "$src"/. "$mod" && chmod -R u+w "$mod"
  echo "$MODULE" >"$mod/.copied-from"
fi
cd "$mod"
# Some of the module's dependencies may be refused by the proxy; the
# packages that need them are then reported as errors by every tool.
go mod download all >/dev/null 2>&1 || true
packages=$(go list ./... 2>/dev/null | wc -l)
deps=$(go list -deps ./... 2>/dev/null | wc -l)
echo "== warming the build cache ($packages packages, $deps with dependencies)" >&2
go list -e -export -deps ./... >/dev/null 2>&1 || true

# measure NAME CMD...: one timed run appended to $WORK/NAME.times as
# "wall user+sys maxrss_kb".
measure() {
  local name=$1
  shift
  local tf="$WORK/time.out"
  /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >/dev/null 2>"$WORK/$name.stderr" || true
  # GNU time puts "Command exited with non-zero status N" first when the
  # tool reports findings (staticcheck does on benthos): the figures are
  # on the last line.
  tail -n 1 "$tf" | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' >>"$WORK/$name.times"
}

[ -n "$REPORT_ONLY" ] || rm -f "$WORK"/*.times
# The file the "one file changed" runs edit: the first of the module.
edited=$({ go list -e -f '{{with .GoFiles}}{{$.Dir}}/{{index . 0}}{{end}}' ./... 2>/dev/null || true; } | awk 'NF && !f {print; f = 1}')
[ -f "$edited" ] || { echo "no Go file to edit in $MODULE" >&2; exit 1; }
rm -f "$WORK/edited.orig"
trap '[ ! -f "$WORK/edited.orig" ] || mv "$WORK/edited.orig" "$edited"' EXIT
export ASYNCAPI_EXTRACT_CACHE="$WORK/ae-cache"
sc_cold() { STATICCHECK_CACHE=$(mktemp -d "$WORK/sc-cache.XXXX") "$WORK/bin/staticcheck" ./...; }
sc_warm() { STATICCHECK_CACHE="$WORK/sc-cache-warm" "$WORK/bin/staticcheck" ./...; }
export -f sc_cold sc_warm
export WORK
[ -z "$REPORT_ONLY" ] || RUNS=$(wc -l <"$WORK/ae-cold.times")
for i in $(seq "$RUNS"); do
  [ -z "$REPORT_ONLY" ] || break
  echo "== run $i of $RUNS" >&2
  measure ae-cold "$WORK/bin/asyncapi-extract" --no-cache ./...
  measure vet-cold go vet -printf.funcs="x$RANDOM$i" ./...
  measure sc-cold bash -c sc_cold
  rm -rf "$WORK"/sc-cache.*
  # Warm: the same command again, its cache filled by the run before.
  "$WORK/bin/asyncapi-extract" ./... >/dev/null 2>&1 || true
  measure ae-warm "$WORK/bin/asyncapi-extract" ./...
  go vet -printf.funcs=warm ./... >/dev/null 2>&1 || true
  measure vet-warm go vet -printf.funcs=warm ./...
  bash -c sc_warm >/dev/null 2>&1 || true
  measure sc-warm bash -c sc_warm
  # One file changed (a comment no run has seen): what a pre-commit run
  # after an edit costs, each tool with its caches warm.
  cp "$edited" "$WORK/edited.orig"
  echo "// bench edit $i $RANDOM" >>"$edited"
  measure ae-edit "$WORK/bin/asyncapi-extract" ./...
  measure vet-edit go vet -printf.funcs=warm ./...
  measure sc-edit bash -c sc_warm
  mv "$WORK/edited.orig" "$edited"
done

# median FILE COLUMN
median() { awk -v c="$2" '{print $c}' "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
row() { # name file
  printf '| %s | %s s | %s s | %d MiB |\n' "$1" "$(median "$WORK/$2.times" 1)" "$(median "$WORK/$2.times" 2)" "$(($(median "$WORK/$2.times" 3) / 1024))"
}
ratio() { awk -v a="$(median "$WORK/$1.times" 1)" -v b="$(median "$WORK/$2.times" 1)" 'BEGIN {printf "%.2f", a / b}'; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
ops=$("$WORK/bin/asyncapi-extract" --no-cache ./... 2>/dev/null | grep -c '^    action:' || true)
table=$(
  cat <<TABLE
Measured by \`bench/run.sh\` on \`$MODULE\` ($packages packages, $deps with dependencies; $ops
operations found) with $(go version | cut -d' ' -f3), on $(nproc) cores ($cpu), $mem; medians of $RUNS
runs, build cache warm.

| tool | wall | CPU (user+sys) | peak RSS |
|---|---|---|---|
$(row "asyncapi-extract, cold (\`--no-cache\`)" ae-cold)
$(row "go vet, cold (new flag value)" vet-cold)
$(row "staticcheck $(echo "$STATICCHECK" | sed 's/.*@//'), cold (new cache)" sc-cold)
$(row "asyncapi-extract, warm (no change)" ae-warm)
$(row "go vet, warm" vet-warm)
$(row "staticcheck, warm" sc-warm)
$(row "asyncapi-extract, one file changed" ae-edit)
$(row "go vet, one file changed" vet-edit)
$(row "staticcheck, one file changed" sc-edit)

"One file changed" is a comment appended to \`${edited#"$mod"/}\`, each tool with its caches
warm: vet and staticcheck redo that package and its importers, asyncapi-extract redoes the whole
run (its cache holds whole runs).

Ratios of wall time, cold: asyncapi-extract / go vet = **$(ratio ae-cold vet-cold)**, asyncapi-extract /
staticcheck = **$(ratio ae-cold sc-cold)**. One file changed: asyncapi-extract / go vet =
**$(ratio ae-edit vet-edit)**, asyncapi-extract / staticcheck = **$(ratio ae-edit sc-edit)**.
TABLE
)
echo
echo "$table"

if $update_readme; then
  cd "$repo"
  printf '%s\n' "$table" >"$WORK/table.md"
  awk -v table="$WORK/table.md" '
    /<!-- bench:start/ { print; while ((getline l < table) > 0) print l; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0 }
    !skip { print }
  ' README.md >"$WORK/README.md" && mv "$WORK/README.md" README.md
  echo "README.md updated" >&2
fi
