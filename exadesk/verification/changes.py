"""What a tracker module declares for its fixes (exadesk.services.fixes plans, applies and undoes them): a
:class:`Fix` per group of requirements, whose ``plan`` returns :class:`Change` objects, each with the exact
:class:`Call` it sends and the one that reverses it, read with a :class:`FixContext`."""

from __future__ import annotations

import json
from typing import Callable
from urllib.parse import urlencode

from exadesk.foundation.records import dataclass
from exadesk.verification.spec import CONSOLE_GROUP, Target, VerifyContext


@dataclass(frozen=True)
class Call:
    """One request a change sends: method, path, query and JSON body. Never holds a credential."""

    method: str
    path: str
    params: tuple[tuple[str, str], ...] = ()
    body: dict | None = None

    def shown(self) -> str:
        """The request as a person reads it: ``POST /rest/api/3/group/user?groupname=x {"accountId": "…"}``."""
        query = f"?{urlencode(self.params)}" if self.params else ""
        body = f" {json.dumps(self.body, sort_keys=True)}" if self.body is not None else ""
        return f"{self.method} {self.path}{query}{body}"

    def filled(self, created: str) -> "Call":
        """This call with ``{created}`` (the id of what the change created) filled in."""
        return Call(self.method, self.path.replace("{created}", created), self.params, self.body)

    def to_json(self) -> dict:
        return {"method": self.method, "path": self.path, "params": [list(p) for p in self.params],
                "body": self.body}

    @classmethod
    def from_json(cls, data: dict) -> "Call":
        return cls(str(data["method"]), str(data["path"]),
                   tuple((str(k), str(v)) for k, v in data.get("params") or []), data.get("body"))


@dataclass
class Change:
    """One change of a plan.

    Attributes:
        check_id: the failing check it fixes.
        words: the change in words ("Add Exalate to group jira-software-users").
        call: the exact request.
        inverse: the request that reverses it; may name ``{created}``, the id the tracker gives what the change
            creates (read from the answer at ``created_from``). None when there is no inverse (``no_inverse`` says why).
        reference: the vendor's reference for ``call``.
        touches: what else it affects, in sentences (other projects sharing a scheme, what a role can do).
        done: already in place: nothing is sent.
    """

    check_id: str
    words: str
    call: Call
    inverse: Call | None
    reference: str
    touches: tuple[str, ...] = ()
    no_inverse: str = ""
    created_from: tuple[str, ...] = ()
    done: bool = False

    def to_json(self) -> dict:
        return {"check": self.check_id, "words": self.words, "request": self.call.shown(),
                "undo": self.inverse.shown().replace("{created}", "<the new record's id>") if self.inverse else None,
                "no_undo": self.no_inverse,
                "reference": self.reference, "touches": list(self.touches), "already_done": self.done}


@dataclass(frozen=True)
class Fix:
    """A tracker's fix for some of its requirements.

    Attributes:
        keys: requirement keys it fixes.
        plan: ``plan(ctx, key) -> list[Change]``; reads with GETs only (``ctx.target`` is the admin's,
            ``ctx.proxy`` the proxy user's instance).
        needs: what the administrator must hold for the tracker to accept it, in words.
        reference: the vendor's reference page for the grant.
    """

    keys: tuple[str, ...]
    plan: Callable[["FixContext", str], list[Change]]
    needs: str
    reference: str


class FixContext(VerifyContext):
    """What a fix's ``plan`` gets: the admin's target (``target``), the proxy user's (``proxy``) and the identity
    its verification showed (``proxy_identity``: who to grant to when the credential names nobody, a token), and
    clients."""

    def __init__(self, spec, admin: Target, proxy: Target, client_factory, cancel, proxy_identity=None):
        super().__init__(spec, admin, client_factory, cancel)
        self.proxy = proxy
        self.proxy_identity = proxy_identity


# -- why a requirement has no fix: the reasons the trackers share (their NOT_FIXABLE tables use them) ----------------

def admin_role_not_fixable(who: str, also: str = "") -> str:
    """Why an administrator's own role has no fix: making someone ``who`` is a person's decision, and the fixes only
    grant what the proxy user lacks; ``also`` adds a tracker's own reason (" (…)" or ", and …")."""
    return f"making someone {who} is left to a person; ExaDesk's fixes grant only what the proxy user lacks{also}."


#: The administrator's membership of the console group: who may configure the integration is decided by a person.
CONSOLE_MEMBER_NOT_FIXABLE = (f"who may open the integration's console is a person's decision; ExaDesk's fixes never "
                              f"add anyone to {CONSOLE_GROUP}.")


def console_group_not_fixable(creator: str, group: str = CONSOLE_GROUP, also: str = "") -> str:
    """Why the console group's existence has no fix: ``creator`` makes ``group`` (the seed documents say so) and the
    fixes never create groups; ``also`` adds a tracker's own reason (", and …")."""
    return f"{creator} creates {group} (the seed documents say so); ExaDesk's fixes never create groups{also}."
