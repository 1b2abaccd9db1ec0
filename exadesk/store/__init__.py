"""What ExaDesk keeps: the workspace model, the atomic data file, the OS keychain, the history and the
crash-safe claims that keep keychain and data file consistent. Stands on the foundation only."""
