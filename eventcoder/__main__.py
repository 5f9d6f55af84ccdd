"""``python -m eventcoder``: the same as the ``eventcoder`` command."""

import sys

from eventcoder.cli.main import main

sys.exit(main())
