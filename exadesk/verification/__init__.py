"""Verification: the tracker registry and the vocabulary a tracker module declares (spec, adapter), the HTTP
layer (read-only while checking), sign-in and tokens, lifecycle notices and the engine that runs one check or
many. Stands on the store and the foundation; the tracker modules (exadesk.trackers) plug into it."""
