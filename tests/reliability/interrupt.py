#!/usr/bin/env python3
"""interrupt.py [--sigint] STALLCHECK... : runs stallcheck and sends it
SIGTERM (or SIGINT) after a moment; checks that it exits with 128+signal and
says it was interrupted."""
import signal
import subprocess
import sys
import time

args = sys.argv[1:]
sig = signal.SIGTERM
if args and args[0] == "--sigint":
    sig = signal.SIGINT
    args = args[1:]
proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
time.sleep(0.15)
proc.send_signal(sig)
_, err = proc.communicate(timeout=60)
if proc.returncode == 128 + sig and "interrupted" in err:
    print("interrupted cleanly")
    sys.exit(0)
if proc.returncode in (0, 1):
    print("finished before the signal")  # a fast machine: still fine for the file checks
    sys.exit(0)
print("unexpected exit %d: %s" % (proc.returncode, err))
sys.exit(1)
