"""``python -m upskill_ask``: the same as the ``upskill-ask`` command."""

import sys

from upskill_ask.cli import main

sys.exit(main())
