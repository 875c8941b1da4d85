"""``python -m newsevents.datafiles``: print docs/data-files.md; ``--check``: load and check every data file."""
import sys

from . import check_all, markdown

if "--check" in sys.argv[1:]:
    for name, count in check_all().items():
        print(f"{name}: {count}")
else:
    sys.stdout.write(markdown())
