#!/usr/bin/env python3
"""Writes a node's output to its log file: colour codes removed, the file rotated by size.

  command 2>&1 | logpipe.py LOG [MAX_BYTES] [KEEP]

LOG grows to MAX_BYTES (default 10 MiB), then becomes LOG.1 (LOG.1 becomes LOG.2, ...) and
KEEP rotated files are kept (default 5). Every line is flushed at once, so `tail -F LOG`
and scripts waiting for a line see it as soon as the node writes it. Ends when the node's
output ends; a terminal's Ctrl-C or hang-up does not end it (the node would then die
writing to a closed pipe).
"""
import logging
import logging.handlers
import re
import signal
import sys

# CSI sequences such as "\x1b[34m" and "\x1b[0m", which Fabric writes around levels.
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def main():
    path = sys.argv[1]
    max_bytes = int(sys.argv[2]) if len(sys.argv) > 2 else 10 * 1024 * 1024
    keep = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    for sig in (signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=keep,
                                                   encoding="utf-8", errors="replace")
    handler.setFormatter(logging.Formatter("%(message)s"))
    for line in sys.stdin.buffer:
        text = ANSI.sub(b"", line).rstrip(b"\r\n").decode("utf-8", "replace")
        handler.emit(logging.makeLogRecord({"msg": text, "args": None}))
    handler.close()


if __name__ == "__main__":
    main()
