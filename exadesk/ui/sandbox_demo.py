"""The sandbox demo in the window: start every emulator in-process and build a demo workspace.

The emulators' demo credentials are made up; they go to the keychain like any secret. Where no keychain is usable
(no Secret Service running), they are kept in memory for this run of the app instead, so the sandbox still works:
they open nothing but the emulators on this computer. Real credentials never take that way.
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


class DemoSecrets:
    """The keychain, except for the sandbox's made-up credentials (when no keychain is usable): those stay in memory."""

    def __init__(self, store):
        from exadesk.keychain import SecretStore
        from exadesk.sandbox.memory_keyring import MemoryKeyring

        self.store = store
        self.memory = SecretStore(MemoryKeyring())
        self.demo_ids: set[str] = set()

    def __getattr__(self, name):  # name, available(), problem(), backend: the keychain's own
        return getattr(self.store, name)

    def _for(self, instance_id: str):
        return self.memory if instance_id in self.demo_ids else self.store

    def set(self, instance_id: str, field: str, value: str) -> None:
        self._for(instance_id).set(instance_id, field, value)

    def get(self, instance_id: str, field: str) -> str | None:
        return self._for(instance_id).get(instance_id, field)

    def delete(self, instance_id: str, fields) -> None:
        self._for(instance_id).delete(instance_id, fields)


def install_demo(session) -> str:
    """Start the emulators (once) and create or refresh the demo workspace; returns its id."""
    from exadesk.sandbox.demo import start_demo

    if session.demo is None:
        session.demo = start_demo()
    instances, secrets = demo_instances(session.demo)
    store = session.secrets
    if not store.available():  # no Secret Service: the made-up credentials stay in memory (see the module's text)
        if not isinstance(store, DemoSecrets):
            store = session.secrets = DemoSecrets(store)
        store.demo_ids.update(inst.id for inst in instances)
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
