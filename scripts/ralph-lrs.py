"""Runs Ralph 5.1.0's LRS (France Université Numérique) on its file-system
backend, for the relay's test and the load script. Run it with the Python of
Ralph's virtual environment:

    RALPH_AUTH_FILE=auth.json python scripts/ralph-lrs.py DIR HOST PORT

This is `ralph runserver -b fs --fs-default-directory-path DIR -h HOST -p PORT`
with three differences, all about running it, not about what it does:

- Ralph 5.1.0's file-system LRS writes every POST to the same file
  (`fs_lrs.jsonl`) with the `CREATE` operation, so the second POST ever
  fails with `500 Statements bulk indexation failed` ("already exists and
  overwrite is not allowed"). Here its writes use `APPEND`; the API, the
  authentication, the validation and the duplicate check are Ralph's own.
- `runserver` starts uvicorn with `reload=True`, a watcher process over the
  current folder whose worker outlives a killed parent; here uvicorn runs in
  this one process, which a test can stop and start again;
- its history file (a log of its writes) is DIR.history-PID.json, one per
  run, not one shared by every Ralph run (see below).
"""

import os
import sys

directory, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = directory
# Ralph logs every file it writes to one history file, by default shared by
# every Ralph of the user (~/.config/ralph/history.json), read and rewritten
# whole at each write: a server killed while rewriting it, or two servers at
# once, leave it truncated, and from then on every POST fails with 500. It
# is a log, not the statements: each run here keeps its own.
os.environ.setdefault("RALPH_HISTORY_FILE", f"{directory.rstrip('/')}.history-{os.getpid()}.json")

import uvicorn  # noqa: E402
from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host=host, port=port, log_level="warning")
