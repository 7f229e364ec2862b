#!/bin/sh
# check-llvm-version.sh - builds the clang plugin (and the driver, which the
# tests compare it with) against another LLVM/clang major version and runs
# the lit suites through that clang with the plugin loaded.
#
#   scripts/check-llvm-version.sh 19                 build in build/llvm-19, run every suite
#   scripts/check-llvm-version.sh 19 /tmp/b19        another build directory
#   QUICK=1 scripts/check-llvm-version.sh 19         tests/plugin only
#   INSTALL=1 scripts/check-llvm-version.sh 19       apt-get the packages first if missing
#
# Debian and apt.llvm.org install LLVM N in /usr/lib/llvm-N; the packages are
# llvm-N-dev libclang-N-dev clang-N (and llvm-N-tools for FileCheck).  lit is
# the same Python package in every version, so any installed lit will do when
# this version has none.  Exit status: 0 when everything built and passed.
set -u
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: scripts/check-llvm-version.sh MAJOR [BUILD_DIR]" >&2
  exit 2
fi
major=$1
build=${2:-$root/build/llvm-$major}
llvm=/usr/lib/llvm-$major
jobs=${JOBS:-2}

if [ ! -d "$llvm/lib/cmake/clang" ] || [ ! -x "$llvm/bin/clang" ] || [ ! -x "$llvm/bin/FileCheck" ]; then
  if [ "${INSTALL:-0}" = 1 ]; then
    apt-get install -y "llvm-$major-dev" "libclang-$major-dev" "clang-$major" "llvm-$major-tools" || exit 2
  else
    echo "check-llvm-version.sh: LLVM $major is not installed in $llvm (clang's CMake files, clang and" \
         "FileCheck are needed); install llvm-$major-dev libclang-$major-dev clang-$major llvm-$major-tools," \
         "or run with INSTALL=1" >&2
    exit 2
  fi
fi

lit=""
for candidate in "$llvm/bin/lit" "$(command -v lit 2>/dev/null)" /usr/lib/llvm-*/bin/lit; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then lit=$candidate; break; fi
done
if [ -z "$lit" ]; then
  echo "check-llvm-version.sh: no lit found (pip install lit, or any llvm-N-tools)" >&2
  exit 2
fi

echo "== LLVM $major ($llvm), lit $lit, build $build" >&2
mkdir -p "$build" || exit 2
if ! cmake -S "$root" -B "$build" -G Ninja -DSTALLCHECK_BUILD_PLUGIN=ON -DSTALLCHECK_LLVM_ROOT="$llvm" \
       -DLIT_EXECUTABLE="$lit" >"$build/check-llvm-version.log" 2>&1 ||
   ! ninja -C "$build" -j "$jobs" stallcheck stallcheck-plugin >>"$build/check-llvm-version.log" 2>&1; then
  tail -40 "$build/check-llvm-version.log" >&2
  echo "check-llvm-version.sh: the build against LLVM $major failed (log: $build/check-llvm-version.log)" >&2
  exit 1
fi

# ctest passes STALLCHECK_LLVM_BIN=$llvm/bin to lit, so %clang is this
# version's clang and the plugin is loaded into it.  plugin_cmake is left
# out: its Makefile and meson projects name clang-22 as the compiler, as the
# build-integration guide does, so they test that clang, not this one.
if [ "${QUICK:-0}" = 1 ]; then
  pattern='^lit/plugin/plugin$'
else
  pattern='^lit/plugin/'
fi
cd "$build" && ctest -R "$pattern" -E '^lit/plugin/plugin_cmake$' -j "$jobs" --output-on-failure
