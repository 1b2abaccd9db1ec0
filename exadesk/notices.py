"""Lifecycle notices with dates, kept as data: a new notice needs no code change.

Shown where the tracker or auth method is chosen, in check results while they
apply, and in reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Notice:
    """A dated change by a vendor that affects a tracker or one of its sign-in methods."""

    id: str
    tracker: str
    title: str
    text: str
    advice: str
    effective: date  # when it bites
    methods: frozenset[str] = frozenset()  # empty: every method of the tracker
    source: str = ""

    def applies(self, tracker: str, method: str = "") -> bool:
        return tracker == self.tracker and (not self.methods or not method or method in self.methods)


NOTICES: tuple[Notice, ...] = (
    Notice("zendesk_api_tokens", "zendesk", "Zendesk API tokens are being retired",
           "Tokens unused for 30 days are deactivated (since 28 July 2026), no new tokens can be created since "
           "27 October 2026, and every API token stops working on 30 April 2027.",
           "Use OAuth instead of email + API token.", date(2027, 4, 30), frozenset({"api_token"}),
           "developer.zendesk.com oauth-migration"),
    Notice("azure_devops_global_pats", "azure_devops", "Global personal access tokens stop working",
           "Personal access tokens created for 'All accessible organizations' stop working on 1 December 2026.",
           "Create a token for one organisation (the one you sync) instead.", date(2026, 12, 1), frozenset({"pat"}),
           "learn.microsoft.com azure devops personal access tokens"),
    Notice("atlassian_connect_eos", "jira_cloud", "Atlassian Connect reaches end of support",
           "Atlassian ends support for Connect apps in December 2026 as apps move to Forge; the app user and its "
           "groups may change with the app's Forge version.",
           "Re-run verification after the app is updated to its Forge version.", date(2026, 12, 31),
           source="community.developer.atlassian.com RFC-129"),
    Notice("jira_cloud_token_expiry", "jira_cloud", "Jira Cloud API tokens expire",
           "Atlassian API tokens are created with an expiry date of at most one year.",
           "Enter the token's expiry date in ExaDesk (the instance page, Credential expires, Set date) so it is "
           "watched.", date(2025, 12, 15),
           source="support.atlassian.com manage-api-tokens"),
    Notice("salesforce_username_password", "salesforce", "Salesforce retires username-password sign-in",
           "SOAP login() with a user name and password is retired on 1 June 2027 and already off in new orgs.",
           "Sign in with OAuth (the browser sign-in); ExaDesk offers no user name + password flow.", date(2027, 6, 1),
           source="help.salesforce.com 005132110"),
    Notice("hp_alm_retired", "hp_alm", "HP ALM/QC support has ended",
           "Support for the HP ALM/QC integration ended in November 2024.",
           "Keep existing setups running only as long as needed and plan a move to a supported tracker.",
           date(2024, 11, 30)),
)


def for_tracker(tracker: str, method: str = "") -> list[Notice]:
    return [n for n in NOTICES if n.applies(tracker, method)]
