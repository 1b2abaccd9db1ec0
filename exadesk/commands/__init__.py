"""Sub-commands of the ``exadesk`` CLI, one module each (see exadesk.cli.COMMAND_MODULES)."""
