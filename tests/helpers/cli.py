"""Running the CLI in-process and reading what it printed."""

from __future__ import annotations

import json
from dataclasses import dataclass

from exadesk import cli


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)

    def check(self, check_id: str) -> dict:
        """The check with this id from a --json run."""
        for item in self.json()["checks"]:
            if item["id"] == check_id:
                return item
        raise AssertionError(f"no check {check_id} in {[c['id'] for c in self.json()['checks']]}")

    def statuses(self) -> dict[str, str]:
        return {c["id"]: c["status"] for c in self.json()["checks"]}


class CliRunner:
    def __init__(self, capsys):
        self.capsys = capsys

    def __call__(self, *args: str) -> CliResult:
        self.capsys.readouterr()
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse exits for usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        captured = self.capsys.readouterr()
        return CliResult(code, captured.out, captured.err)
