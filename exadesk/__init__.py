"""ExaDesk: set up and verify the accounts of two-way sync integrations."""

__version__ = "0.4.0"
APP_ID = "exadesk"
