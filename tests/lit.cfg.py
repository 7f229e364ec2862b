# lit configuration for stallcheck's tests.
#
# Every suite runs through one front end, chosen with --param frontend=driver
# (the `stallcheck` command, the default) or --param frontend=plugin (clang
# with the plugin loaded, through tools/plugin-as-driver.sh, which behaves
# like the driver on one file).  Tests that need the whole-program driver say
# `REQUIRES: driver`; tests of the plugin alone say `REQUIRES: plugin`.
import os
import shutil

import lit.formats

config.name = "stallcheck"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test", ".cu"]
config.excludes = ["Inputs", "unit", "tools", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.environ.get("STALLCHECK_TEST_EXEC_ROOT",
                                       os.path.join(config.test_source_root, "..", "build", "tests"))

def required_env(name):
    value = os.environ.get(name)
    if not value:
        lit_config.fatal("%s is not set: run the tests through ctest (or set it by hand)" % name)
    return value

llvm_bin = os.environ.get("STALLCHECK_LLVM_BIN", "/usr/lib/llvm-22/bin")
stallcheck = required_env("STALLCHECK_BIN")
plugin = os.environ.get("STALLCHECK_PLUGIN", "")
clang = os.path.join(llvm_bin, "clang")
frontend = lit_config.params.get("frontend", "driver")
tools = os.path.join(config.test_source_root, "tools")

config.environment["PATH"] = os.pathsep.join([llvm_bin, config.environment.get("PATH", os.environ["PATH"])])
for name in ("HOME", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "STALLCHECK_TOOLS_DIR", "TMPDIR"):
    if name in os.environ:
        config.environment[name] = os.environ[name]
config.environment["NO_COLOR"] = "1"

if frontend == "plugin":
    if not plugin or not os.path.exists(plugin):
        lit_config.fatal("frontend=plugin but STALLCHECK_PLUGIN (%r) does not exist" % plugin)
    single = "%s %s %s %s" % (os.path.join(tools, "plugin-as-driver.sh"), clang, plugin, stallcheck)
    config.available_features.add("plugin")
    # Another clang major version installed side by side (Debian's
    # /usr/lib/llvm-N): the plugin must refuse to load there, not crash it.
    import glob
    for other in sorted(glob.glob("/usr/lib/llvm-*/bin/clang")):
        if os.path.realpath(os.path.dirname(other)) != os.path.realpath(llvm_bin):
            config.available_features.add("other-clang")
            config.substitutions.append(("%other_clang", other))
            break
else:
    single = stallcheck + " --color=never"
    config.available_features.add("driver")

# %stallcheck: one translation unit through the chosen front end, the
# driver's command line (`%stallcheck [options] file.c -- flags`).
config.substitutions.append(("%stallcheck_driver", stallcheck + " --color=never"))
config.substitutions.append(("%stallcheck_bin", stallcheck))
config.substitutions.append(("%stallcheck", single))
config.substitutions.append(("%clang", clang))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%tools", tools))
config.substitutions.append(("%python", shutil.which("python3") or "python3"))

if os.path.isdir("/usr/local/cuda/include"):
    config.available_features.add("cuda")

# %cflags_<package>: the package's pkg-config --cflags (libpq's headers live
# in /usr/include/postgresql, GLib's in two directories, ...).
import subprocess
for package in ("glib-2.0", "gio-2.0", "gobject-2.0", "libpq", "hiredis", "libsystemd", "libuv",
                "libevent", "libcurl", "sqlite3", "zlib", "openssl", "OpenCL"):
    try:
        flags = subprocess.run(["pkg-config", "--cflags", package], capture_output=True, text=True,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        flags = ""
    config.substitutions.append(("%cflags_" + package.replace("-", "_").replace(".", "_").lower(), flags))

# %sarif_validate: Microsoft's SARIF Multitool with GitHub's rules, through
# tools/sarif-validate.py (which fails on any error, warning or note the
# Multitool reports).  scripts/install-sarif-multitool.sh installs it into
# .tools/; without it the tests that need it are UNSUPPORTED.
multitool = os.path.join(config.test_source_root, "..", ".tools", "node_modules", "@microsoft",
                         "sarif-multitool-linux", "Sarif.Multitool")
if os.access(multitool, os.X_OK):
    config.available_features.add("sarif-multitool")
    config.substitutions.append(("%sarif_validate", "%s %s %s" % (
        shutil.which("python3") or "python3", os.path.join(tools, "sarif-validate.py"), multitool)))
