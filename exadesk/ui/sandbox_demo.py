"""The sandbox demo in the window: start every emulator in-process and build a demo workspace.

The emulators' demo credentials are made up; they go to the keychain like any secret.
"""

from __future__ import annotations

from exadesk.model import Instance, Workspace

DEMO_WORKSPACE = "Sandbox demo"


def demo_instances(demo) -> tuple[list[Instance], dict[str, dict[str, str]]]:
    """Instances for the running emulators, and the secrets of each (instance id -> field -> value)."""
    from exadesk import trackers
    from exadesk.cli import build_parser
    from exadesk.commands.check import build_target

    parser = build_parser()
    instances, secrets = [], {}
    for tracker_id, emulator in demo.emulators.items():
        try:
            spec = trackers.get(tracker_id).spec
        except KeyError:
            continue
        args = parser.parse_args(["check", tracker_id, "--url", emulator.url, *emulator.demo_args])
        target = build_target(args)
        if isinstance(target, str):  # an emulator whose demo arguments this version cannot read
            continue
        method = spec.auth_method(target.auth_method)
        inst = Instance(tracker=tracker_id, name=f"{spec.name} sandbox", url=emulator.url, auth_method=method.id,
                        values=dict(target.values), sync=sorted(target.sync), scope=list(target.scope),
                        secret_fields=[f.name for f in method.secret_fields if f.name in emulator.demo_secrets])
        instances.append(inst)
        secrets[inst.id] = {k: v for k, v in emulator.demo_secrets.items() if k in inst.secret_fields}
    return instances, secrets


def install_demo(session) -> str:
    """Start the emulators (once) and create or refresh the demo workspace; returns its id."""
    from exadesk.sandbox.demo import start_demo

    if session.demo is None:
        session.demo = start_demo()
    instances, secrets = demo_instances(session.demo)
    store = session.secrets
    for inst in instances:
        for name, value in secrets[inst.id].items():
            store.set(inst.id, name, value)
    holder: dict = {}

    def change(data) -> None:
        ws = data.workspace(DEMO_WORKSPACE)
        if ws is None:
            ws = Workspace(name=DEMO_WORKSPACE, notes="Emulators on this computer; made-up credentials.")
            data.workspaces.append(ws)
        holder["stale"] = [(i.id, list(i.secret_fields)) for i in ws.instances]
        ws.instances = instances  # the emulators listen on new ports each run
        holder["id"] = ws.id

    session.update(change, select="")
    from exadesk.errors import KeychainError

    for old_id, fields in holder.get("stale", []):
        try:
            store.delete(old_id, fields)
        except KeychainError:  # an old demo entry that cannot be removed is harmless
            pass
    return holder["id"]
