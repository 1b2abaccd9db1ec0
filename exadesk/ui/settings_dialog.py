"""Settings: the keychain in use (and what to do without one), network (proxy, CA bundle), theme, reset."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from exadesk.store.model import Settings
from exadesk.ui import theme


class SettingsDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Settings"))
        settings = session.data.settings

        keychain_box = QGroupBox(self.tr("Keychain"))
        self.keychain_label = QLabel()
        self.keychain_label.setWordWrap(True)
        self.keychain_label.setAccessibleName(self.tr("Keychain in use"))
        QVBoxLayout(keychain_box).addWidget(self.keychain_label)
        self._describe_keychain()

        network_box = QGroupBox(self.tr("Network"))
        self.proxy_edit = QLineEdit(settings.proxy)
        self.proxy_edit.setPlaceholderText(self.tr("empty: the system's proxy (HTTPS_PROXY)"))
        self.proxy_edit.setAccessibleName(self.tr("Proxy"))
        self.ca_edit = QLineEdit(settings.ca_bundle)
        self.ca_edit.setPlaceholderText(self.tr("empty: the system's trusted authorities"))
        self.ca_edit.setAccessibleName(self.tr("CA bundle"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose a CA bundle file"))
        browse.clicked.connect(self._browse)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_edit, 1)
        ca_layout.addWidget(browse)
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(2, 300)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setValue(settings.timeout)
        self.timeout.setAccessibleName(self.tr("Timeout in seconds"))
        network = QFormLayout(network_box)
        for text, widget in ((self.tr("&Proxy:"), self.proxy_edit), (self.tr("&CA bundle:"), ca_row),
                             (self.tr("&Timeout:"), self.timeout)):
            label = QLabel(text)
            label.setBuddy(self.ca_edit if widget is ca_row else widget)
            network.addRow(label, widget)
        ca_note = QLabel(self.tr("Use the CA bundle when your company inspects HTTPS traffic; never turn "
                                 "certificate checks off."))
        ca_note.setWordWrap(True)
        network.addRow(ca_note)

        look_box = QGroupBox(self.tr("Appearance"))
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        for key, text in (("system", self.tr("Follow the system")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme_combo.addItem(text, key)
        self.theme_combo.setCurrentIndex(max(0, theme.THEMES.index(settings.theme) if settings.theme in theme.THEMES else 0))
        look = QFormLayout(look_box)
        theme_label = QLabel(self.tr("T&heme:"))
        theme_label.setBuddy(self.theme_combo)
        look.addRow(theme_label, self.theme_combo)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setText(self.tr("&Reset"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.reset)
        layout = QVBoxLayout(self)
        for box in (keychain_box, network_box, look_box):
            layout.addWidget(box)
        layout.addWidget(self.buttons)
        # Wrapped labels need the height for the dialog's width: a dialog sized from its hint alone squeezes the
        # other rows (a long "no keychain" sentence cut the network fields in half).
        self.setMinimumWidth(560)
        layout.activate()
        height = max(self.sizeHint().height(), layout.totalHeightForWidth(560))
        self.setMinimumHeight(height)
        self.resize(560, height)

    def _describe_keychain(self) -> None:
        try:
            store = self.session.secrets
            problem = store.problem()
            name = store.name
        except Exception as exc:  # keyring itself failed to load a backend
            problem, name = None, type(exc).__name__
        if problem is None:
            self.keychain_label.setText(self.tr("Secrets are kept in: {backend}.").format(backend=name))
        else:
            self.keychain_label.setText(f"{problem.message} {problem.next_step}")
            self.keychain_label.setStyleSheet(f"color: {theme.bad_colour()};")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA bundle"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_edit.setText(path)

    def values(self) -> Settings:
        current = self.session.data.settings
        return Settings(proxy=self.proxy_edit.text().strip(), ca_bundle=self.ca_edit.text().strip(),
                        theme=self.theme_combo.currentData(), timeout=self.timeout.value(),
                        allow_plaintext_secrets=current.allow_plaintext_secrets)

    def save(self) -> None:
        new = self.values()
        if new.ca_bundle:
            if not Path(new.ca_bundle).is_file():
                QMessageBox.warning(self, self.tr("Settings"),
                                    self.tr("The CA bundle {path} does not exist.").format(path=new.ca_bundle))
                return

        def change(data) -> None:
            data.settings = new

        if self.session.update(change):
            theme.apply(QApplication.instance(), new.theme)
            self.accept()

    def reset(self) -> None:
        """Back to the defaults (in the form; Save stores them)."""
        defaults = Settings()
        self.proxy_edit.setText(defaults.proxy)
        self.ca_edit.setText(defaults.ca_bundle)
        self.timeout.setValue(defaults.timeout)
        self.theme_combo.setCurrentIndex(theme.THEMES.index(defaults.theme))
