#!/usr/bin/env bash
# Runs the clang plugin on one file with the driver's command line, so that
# the same lit test runs through both front ends:
#   plugin-as-driver.sh CLANG PLUGIN STALLCHECK [driver options] FILE [-- FLAGS]
# Driver options that have a plugin argument are translated; the exit status
# is the driver's: 1 when a stallcheck warning was printed, 0 when none, 2
# when clang itself failed.
set -u
clang=$1 plugin=$2; shift 3
args=() flags=() file=""
while [ $# -gt 0 ]; do
  case $1 in
    --) shift; flags=("$@"); break ;;
    --color=*|--quiet|-q) ;;
    --disable=*) args+=("-fplugin-arg-stallcheck-disable=${1#--disable=}") ;;
    --sarif=*) args+=("-fplugin-arg-stallcheck-sarif=${1#--sarif=}") ;;
    --config=*) args+=("-fplugin-arg-stallcheck-config=${1#--config=}") ;;
    --no-config) ;; # the plugin reads the nearest .stallcheck.json: the tests have none above them
    --dump-facts) args+=("-fplugin-arg-stallcheck-dump-facts=/dev/stdout") ;;
    -*) echo "plugin-as-driver.sh: option $1 has no plugin equivalent" >&2; exit 2 ;;
    *) file=$1 ;;
  esac
  shift
done
out=$("$clang" -fsyntax-only -fno-color-diagnostics -fplugin="$plugin" "${args[@]}" "${flags[@]}" "$file" 2>&1)
status=$?
printf '%s\n' "$out"
[ $status -eq 0 ] || exit 2
if printf '%s\n' "$out" | grep -Eq ': (warning|error): .*\[[a-z0-9]+(-[a-z0-9]+)+\]'; then exit 1; fi
exit 0
