"""The command line's exit codes (exadesk/foundation/exit_codes.py): one meaning each, the same as the verdicts'."""

from __future__ import annotations

from exadesk.foundation import exit_codes
from exadesk.foundation.checks import Verdict


def test_four_distinct_codes():
    codes = [exit_codes.EXIT_READY, exit_codes.EXIT_NOT_READY, exit_codes.EXIT_USAGE, exit_codes.EXIT_INCONCLUSIVE]
    assert codes == [0, 1, 2, 3]
    assert exit_codes.EXIT_NOT_CONFIRMED == exit_codes.EXIT_INCONCLUSIVE  # one code for a run that could not decide


def test_each_verdict_exits_with_its_code():
    assert Verdict.READY.exit_code == exit_codes.EXIT_READY
    assert Verdict.NOT_READY.exit_code == exit_codes.EXIT_NOT_READY
    assert Verdict.NOT_CHECKED.exit_code == exit_codes.EXIT_USAGE
    assert Verdict.NOT_CONFIRMED.exit_code == exit_codes.EXIT_NOT_CONFIRMED


def test_a_usage_error_of_the_command_line_is_exit_usage(cli):
    assert cli("check").code == exit_codes.EXIT_USAGE
