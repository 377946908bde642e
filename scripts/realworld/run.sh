#!/usr/bin/env bash
# Tries asyncapi-extract on real open-source modules, as a new user would:
# each is downloaded through the Go module proxy by module@version (never
# committed), copied to a scratch directory, and analysed with ./...
#
#   scripts/realworld/run.sh [LIST...]     (default: every scripts/realworld/*.txt)
#
# A list has one module a line: "module@version [package pattern]"; '#'
# starts a comment. For each module the document and the diagnostics are
# written to $OUT (default /tmp/asyncapi-realworld/<module>), and a line
# of counts is printed: channels, operations, diagnostics.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/asyncapi-realworld}
mkdir -p "$OUT"
go build -o "$OUT/asyncapi-extract" ./cmd/asyncapi-extract
lists=("$@")
if [ ${#lists[@]} -eq 0 ]; then
  lists=(scripts/realworld/*.txt)
fi
for list in "${lists[@]}"; do
  while read -r modver pattern; do
    [ -z "$modver" ] && continue
    case "$modver" in \#*) continue ;; esac
    pattern=${pattern:-./...}
    name=$(echo "$modver" | tr '/@' '__')
    dir=$(go mod download -json "$modver" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    if [ -z "$dir" ]; then
      echo "$modver: download failed"
      continue
    fi
    work="$OUT/src/$name"
    rm -rf "$work" && mkdir -p "$work" && cp -r "$dir"/. "$work" && chmod -R u+w "$work"
    # A module zip keeps vendor/modules.txt but not the vendored packages
    # (mainflux): the go command would use the empty vendor directory.
    if [ -d "$work/vendor" ] && [ -z "$(find "$work/vendor" -name '*.go' -print -quit)" ]; then
      rm -rf "$work/vendor"
    fi
    # A module without its go.sum entries cannot load its packages.
    (cd "$work" && go mod download all >/dev/null 2>&1 || true)
    set +e
    (cd "$work" && "$OUT/asyncapi-extract" --positions $pattern >"$OUT/$name.yaml" 2>"$OUT/$name.stderr")
    code=$?
    set -e
    channels=$(grep -c '^  [^ ].*:$' <(sed -n '/^channels:/,/^operations:/p' "$OUT/$name.yaml") || true)
    ops=$(grep -c '^    action:' "$OUT/$name.yaml" || true)
    diags=$(grep -c ': ' "$OUT/$name.stderr" || true)
    echo "$modver ($pattern): exit $code, $channels channels, $ops operations, $diags diagnostic lines -> $OUT/$name.yaml"
  done <"$list"
done
