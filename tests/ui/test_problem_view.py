"""The problem view (exadesk/ui/problem_view.py): what stopped a run, in words, and support details without secrets."""

from __future__ import annotations


def test_support_details_never_hold_a_secret():
    from exadesk.foundation import messages
    from exadesk.foundation.checks import CheckResult, Report, Status
    from exadesk.ui.problem_view import support_details

    secret = "ghp_" + "S" * 36
    report = Report(tracker="github", url="https://github.com",
                    checks=[CheckResult("github.repo", Status.FAIL, "Token has the repo scope", "Scopes: none.")])
    problem = messages.problem("auth", tracker="GitHub", credential="personal access token")
    text = support_details(problem, tracker="github", url="https://github.com", method="classic", report=report)
    assert "auth" in text and "github.repo: fail" in text and secret not in text
