#!/bin/sh
# editor-latency.sh - how long the editor waits for stallcheck's diagnostics:
# edits a 2,000-line file ten times through stallcheck-clangd over the real
# clangd and prints the median and 95th percentile (the client is the one
# the test suite uses: tests/clangd/cross_file_client.py).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tests/clangd/cross_file_client.py" --wrapper "$build/driver/clangd/stallcheck-clangd" \
  --stallcheck "$build/driver/stallcheck" --workdir "$work" | grep -E "latency|FAIL"
