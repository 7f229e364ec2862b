#!/bin/sh
# quickstart.sh - the first command of the README: installs what is missing,
# builds stallcheck, and analyses the bundled example project (examples/: a
# libuv key-value server and a libevent client), printing the findings and
# writing them as SARIF.  Exit status 0 when the analysis ran, findings or not.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p "$root/build"

scripts/install-deps.sh
echo "== building stallcheck in build/release" >&2
cmake -S "$root" -B "$root/build/release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTALLCHECK_BUILD_TESTS=OFF \
  >"$root/build/release.log" 2>&1 || { tail -30 "$root/build/release.log" >&2; exit 2; }
ninja -C "$root/build/release" >>"$root/build/release.log" 2>&1 || { tail -30 "$root/build/release.log" >&2; exit 2; }

echo "== configuring examples/ (compile_commands.json in build/examples)" >&2
cmake -S "$root/examples" -B "$root/build/examples" -G Ninja >"$root/build/examples.log" 2>&1 ||
  { tail -30 "$root/build/examples.log" >&2; exit 2; }

echo "== stallcheck -p build/examples" >&2
status=0
"$root/build/release/driver/stallcheck" -p "$root/build/examples" --srcroot "$root" \
  --sarif "$root/build/examples/stallcheck.sarif" || status=$?
[ "$status" -le 1 ] || exit "$status"
echo "== SARIF for GitHub code scanning: build/examples/stallcheck.sarif" >&2
