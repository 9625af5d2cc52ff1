"""Allow ``python -m simulator`` as a synonym of the ``callsim`` command."""

from simulator.cli import main

raise SystemExit(main())
