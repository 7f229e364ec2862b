#!/usr/bin/env python3
"""interrupt.py STALLCHECK... : runs stallcheck and sends it SIGTERM after a
moment; checks that it exits with 128+15 and says it was interrupted."""
import signal
import subprocess
import sys
import time

proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
time.sleep(0.15)
proc.send_signal(signal.SIGTERM)
_, err = proc.communicate(timeout=60)
if proc.returncode == 128 + signal.SIGTERM and "interrupted" in err:
    print("interrupted cleanly")
    sys.exit(0)
if proc.returncode in (0, 1):
    print("finished before the signal")  # a fast machine: still fine for the file checks
    sys.exit(0)
print("unexpected exit %d: %s" % (proc.returncode, err))
sys.exit(1)
