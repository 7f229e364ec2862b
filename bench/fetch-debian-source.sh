#!/bin/sh
# bench/fetch-debian-source.sh - fetches a real program from Debian's sources
# and builds it under bear, so that bench/run.sh (and stallcheck) have a
# compile database of code nobody here wrote.
#
#   bench/fetch-debian-source.sh [package]    (default: memcached)
#
# The tree lands in build/bench/<package>-<version>/ with its
# compile_commands.json.  Needs a deb-src entry: when apt has none, one is
# added next to the system's binary entry (same archive, same suites).
# Supported: memcached (autotools, libevent), the one this script knows how
# to build; other programs: apt-get source, then `bear -- make` by hand.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
pkg=${1:-memcached}
case $pkg in
  memcached) ;;
  *) echo "bench: do not know how to build '$pkg' (memcached)" >&2; exit 2 ;;
esac
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

has_deb_src() {
  # shellcheck disable=SC2016 # apt expands $(...) in --format itself
  apt-get indextargets --no-release-info 'Created-By: Sources' --format '$(IDENTIFIER)' | grep -q Sources
}

if ! has_deb_src; then
  eval "$(apt-config shell SOURCE_PARTS Dir::Etc::sourceparts/d)"
  main=$SOURCE_PARTS/debian.sources
  [ -f "$main" ] || { echo "bench: no deb-src entry and no $main to copy one from; add a deb-src line" >&2; exit 2; }
  echo "bench: adding deb-src entries as ${SOURCE_PARTS}stallcheck-deb-src.sources" >&2
  sed 's/^Types: deb$/Types: deb-src/' "$main" | $SUDO tee "${SOURCE_PARTS}stallcheck-deb-src.sources" >/dev/null
  $SUDO apt-get update -qq
fi
command -v dpkg-source >/dev/null 2>&1 || $SUDO apt-get install -y -qq --no-install-recommends dpkg-dev >/dev/null

mkdir -p "$root/build/bench"
cd "$root/build/bench"
dir=$(find . -maxdepth 1 -type d -name "$pkg-[0-9]*" | head -1)
if [ -z "$dir" ]; then
  apt-get source -qq "$pkg" >/dev/null 2>&1 || { echo "bench: apt-get source $pkg failed" >&2; exit 2; }
  dir=$(find . -maxdepth 1 -type d -name "$pkg-[0-9]*" | head -1)
fi
cd "$dir"
if [ ! -s compile_commands.json ]; then
  echo "bench: building $pkg under bear in build/bench/${dir#./}" >&2
  [ -f Makefile ] || ./configure -q >/dev/null
  bear -- make -j2 >/dev/null 2>&1 || { echo "bench: the build of $pkg failed" >&2; exit 2; }
fi
[ -s compile_commands.json ] || { echo "bench: no compile database came out of the build" >&2; exit 2; }
echo "$root/build/bench/${dir#./}"
