"""The tracker modules: one module per tracker declares everything ExaDesk knows about it and registers
itself with exadesk.verification.registry. Modules starting with ``_`` are code that trackers share."""
