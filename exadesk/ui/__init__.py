"""The desktop app (PySide6). All Qt in ExaDesk lives in this package."""
