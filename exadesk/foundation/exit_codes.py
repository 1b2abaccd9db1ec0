"""The command line's exit codes, one meaning each (shared by exadesk.cli and every command in exadesk.commands).

0 ready; 1 not ready (something fails); 2 usage or bad input (nothing was sent); 3 not confirmed (nothing fails,
but something decidable was not decided: a table not readable, nothing in scope, a field not sent, network, TLS,
rate limit, an unexpected response, cancelled). See exadesk.foundation.checks.Verdict.
"""

from __future__ import annotations

EXIT_READY, EXIT_NOT_READY, EXIT_USAGE, EXIT_INCONCLUSIVE = 0, 1, 2, 3
EXIT_NOT_CONFIRMED = EXIT_INCONCLUSIVE  # one code: a run that could not decide everything
