"""The application services the command line and the window share: workspaces and Verify all, the access
planner, fixes, reports and bundles, expiry reminders and the wizard's Qt-free flow."""
