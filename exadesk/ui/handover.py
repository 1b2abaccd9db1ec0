"""Handing a workspace over: the readiness report export and the workspace bundle (export and import).

Loaded on first use from the File menu. The report is built from stored data only (which never holds a
secret); a bundle holds secrets only when the person asks for them, encrypted with a passphrase typed twice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from exadesk.foundation.errors import ExaDeskError
from exadesk.foundation.words import plural
from exadesk.services import bundle
from exadesk.store.model import Workspace
from exadesk.ui.problem_view import ProblemView
from exadesk.ui.widgets import SecretEdit

#: Save-dialog filters of the report, and the format each one writes.
REPORT_FORMATS = (("html", "*.html"), ("pdf", "*.pdf"), ("md", "*.md"))


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip() or "workspace"


def _report_filters() -> list[str]:
    return [QCoreApplication.translate("handover", "Web page (*.html)"), QCoreApplication.translate("handover", "PDF document (*.pdf)"),
            QCoreApplication.translate("handover", "Markdown (*.md)")]


def report_format(path: str, chosen_filter: str = "") -> tuple[str, str]:
    """The format of ``path`` (by its suffix, else the filter chosen) and the path with that suffix."""
    suffix = Path(path).suffix.lower().lstrip(".")
    known = {fmt for fmt, _ in REPORT_FORMATS}
    if suffix in known:
        return suffix, path
    filters = _report_filters()
    fmt = next((f for (f, _), text in zip(REPORT_FORMATS, filters) if text == chosen_filter), "html")
    return fmt, f"{path}.{fmt}"


def export_report(parent, workspace: Workspace, path: str | None = None) -> str:
    """Ask where to save the readiness report of ``workspace`` and write it; the path written, or ""."""
    chosen = ""
    if path is None:
        default = str(Path.home() / f"{_safe_name(workspace.name)} readiness.html")
        path, chosen = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("handover", "Export readiness report"), default,
                                                   ";;".join(_report_filters()))
        if not path:
            return ""
    fmt, path = report_format(path, chosen)
    from exadesk.services import report

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if fmt == "pdf":
            from exadesk.services.report_pdf import html_to_pdf

            html_to_pdf(report.render(workspace, "html"), Path(path),
                        title=QCoreApplication.translate("handover", "Readiness of {name}").format(name=workspace.name))
        else:
            Path(path).write_text(report.render(workspace, fmt), encoding="utf-8")
    except (OSError, ValueError) as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, QCoreApplication.translate("handover", "Export readiness report"),
                            QCoreApplication.translate("handover", "The report could not be written to {path} ({error}). Choose another "
                                           "folder and try again.").format(path=path, error=type(exc).__name__))
        return ""
    QGuiApplication.restoreOverrideCursor()
    status = getattr(parent, "statusBar", None)
    if status is not None:
        status().showMessage(QCoreApplication.translate("handover", "Readiness report written to {path}.").format(path=path))
    return path


def choose_bundle(parent) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("handover", "Import bundle"), str(Path.home()),
                                          QCoreApplication.translate("handover", "ExaDesk bundles (*{suffix});;All files (*)").format(
                                              suffix=bundle.SUFFIX))
    return path


class _PathRow(QWidget):
    """A file path with a Browse… button."""

    def __init__(self, path: str, browse, accessible_name: str, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit(path)
        self.edit.setAccessibleName(accessible_name)
        self.button = QPushButton(self.tr("&Browse…"))
        self.button.setAccessibleName(self.tr("Browse for {name}").format(name=accessible_name))
        self.button.clicked.connect(browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)


class ExportBundleDialog(QDialog):
    """File → Export workspace bundle…: where to, and whether to include the secrets (encrypted).

    Signals:
        exported(str): the path written.
    """

    exported = Signal(str)

    def __init__(self, session, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.session, self.workspace = session, workspace
        self.setWindowTitle(self.tr("Export {name} as a bundle").format(name=workspace.name))
        secret_count = sum(len(i.secret_fields) for i in workspace.instances)
        intro = QLabel(self.tr("A bundle holds the workspace's instances, connections and verification history, "
                               "so a colleague can continue where you stopped. Secrets stay out unless you include "
                               "them below."))
        intro.setWordWrap(True)
        self.path_row = _PathRow(str(Path.home() / f"{_safe_name(workspace.name)}{bundle.SUFFIX}"), self._browse,
                                 self.tr("Bundle file"))
        self.include = QCheckBox(plural(secret_count, self.tr("&Include the secret, encrypted with a passphrase"),
                                        self.tr("&Include the {count} secrets, encrypted with a passphrase")))
        self.include.setEnabled(secret_count > 0)
        if not secret_count:
            self.include.setText(self.tr("No secrets to include: this workspace keeps none in the keychain"))
        self.include.toggled.connect(self._refresh)
        self.passphrase = SecretEdit(self.tr("Passphrase"))
        self.again = SecretEdit(self.tr("Passphrase again"))
        for edit in (self.passphrase, self.again):
            edit.textChanged.connect(self._refresh)
        self.hint = QLabel()
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        self.secret_box = QWidget()
        form = QFormLayout(self.secret_box)
        form.setContentsMargins(24, 0, 0, 0)
        for text, edit in ((self.tr("&Passphrase:"), self.passphrase), (self.tr("&Again:"), self.again)):
            label = QLabel(text)
            label.setBuddy(edit.edit)
            form.addRow(label, edit)
        form.addRow(self.hint)
        self.problem_view = ProblemView()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        top = QFormLayout()
        label = QLabel(self.tr("&Save to:"))
        label.setBuddy(self.path_row.edit)
        top.addRow(label, self.path_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.include)
        layout.addWidget(self.secret_box)
        layout.addWidget(self.problem_view)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        self._refresh()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export bundle"), self.path_row.edit.text(),
                                              self.tr("ExaDesk bundles (*{suffix})").format(suffix=bundle.SUFFIX))
        if path:
            self.path_row.edit.setText(path if path.endswith(bundle.SUFFIX) else path + bundle.SUFFIX)

    def problem_text(self) -> str:
        """Why Export is disabled, or ""."""
        if not self.include.isChecked():
            return ""
        first, second = self.passphrase.text(), self.again.text()
        if len(first) < bundle.MIN_PASSPHRASE:
            return self.tr("At least {minimum} characters ({length} so far). The receiver needs it: tell them by "
                           "phone or in person, not in the same email.").format(minimum=bundle.MIN_PASSPHRASE,
                                                                              length=len(first))
        if first != second:
            return self.tr("The two passphrases differ.")
        return ""

    def _refresh(self, *_args) -> None:
        self.secret_box.setVisible(self.include.isChecked())
        from exadesk.ui.theme import bad_colour, good_colour

        problem = self.problem_text()
        self.hint.setText(problem or self.tr("The passphrases match."))
        self.hint.setStyleSheet(f"#fieldHint {{ color: {bad_colour() if problem else good_colour()}; }}")
        self.export_button.setEnabled(not problem and bool(self.path_row.edit.text().strip()))
        self.resize(max(self.width(), 560), self.sizeHint().height())

    def export(self) -> bool:
        if self.problem_text():
            return False
        path = Path(self.path_row.edit.text().strip())
        if path.suffix != bundle.SUFFIX:
            path = path.with_name(path.name + bundle.SUFFIX)
        passphrase = self.passphrase.text() if self.include.isChecked() else None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            raw = bundle.export_workspace(self.workspace, passphrase=passphrase,
                                          secrets=self.session.secrets if passphrase else None)
            path.write_bytes(raw)
        except ExaDeskError as exc:
            self.problem_view.show_problem(exc.problem)
            return False
        except OSError as exc:
            from exadesk.ui import texts

            self.problem_view.show_problem(texts.write_failed(path, exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.exported.emit(str(path))
        self.accept()
        return True


class ImportBundleDialog(QDialog):
    """File → Import bundle…: what will be added (nothing is written yet), the passphrase, then Import.

    Signals:
        imported(str): the id of the new workspace.
    """

    imported = Signal(str)

    def __init__(self, session, path: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.bundle: bundle.Bundle | None = None
        self.setWindowTitle(self.tr("Import {name}").format(name=Path(path).name))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("importPreview")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("What the import adds"))
        self.with_secrets = QCheckBox(self.tr("Put the bundle's &secrets into this computer's keychain"))
        self.with_secrets.setChecked(True)
        self.with_secrets.toggled.connect(self._refresh)
        self.passphrase = SecretEdit(self.tr("Passphrase"))
        self.passphrase.textChanged.connect(lambda _text: self._refresh(clear_problem=True))
        self.pass_row = QWidget()
        row = QFormLayout(self.pass_row)
        row.setContentsMargins(24, 0, 0, 0)
        label = QLabel(self.tr("&Passphrase:"))
        label.setBuddy(self.passphrase.edit)
        row.addRow(label, self.passphrase)
        self.problem_view = ProblemView()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.with_secrets)
        layout.addWidget(self.pass_row)
        layout.addWidget(self.problem_view)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        try:
            self.bundle = bundle.read_bundle(Path(path))
        except ExaDeskError as exc:
            self.heading.setText(self.tr("This file cannot be imported. Nothing was changed."))
            self.preview.hide()
            self.problem_view.show_problem(exc.problem)
            self.with_secrets.hide()
            self.pass_row.hide()
            self.import_button.hide()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
            return
        made = self.bundle.app_version or "?"
        self.heading.setText(self.tr("Exported with ExaDesk {version} on {when}. Check what it adds; nothing is "
                                     "written until you choose Import.").format(version=made,
                                                                                when=self.bundle.created_at[:10]))
        self.with_secrets.setVisible(self.bundle.has_secrets)
        self._refresh()
        if self.bundle.has_secrets:
            self.passphrase.setFocus()

    def plan(self):
        return bundle.plan_import(self.session.data, self.bundle, with_secrets=self.with_secrets.isChecked())

    def _refresh(self, *_args, clear_problem: bool = False) -> None:
        if self.bundle is None:
            return
        if clear_problem:
            self.problem_view.show_problem(None)
        self.preview.setPlainText("\n".join(self.plan().lines()))
        needs = self.bundle.has_secrets and self.with_secrets.isChecked()
        self.pass_row.setVisible(needs)
        self.import_button.setEnabled(not needs or bool(self.passphrase.text()))

    def do_import(self) -> bool:
        if self.bundle is None:
            return False
        use = self.bundle.has_secrets and self.with_secrets.isChecked()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ws = bundle.apply_import(self.session.store, self.bundle, passphrase=self.passphrase.text() if use else None,
                                     with_secrets=self.with_secrets.isChecked(),
                                     secrets=self.session.secrets if use else None)
        except ExaDeskError as exc:
            self.problem_view.show_problem(exc.problem)
            if exc.problem.reason == "bundle.wrong_passphrase":
                self.passphrase.edit.selectAll()
                self.passphrase.setFocus()
            return False
        except OSError as exc:
            from exadesk.ui import texts

            self.problem_view.show_problem(texts.write_failed(self.session.store.path, exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.session.data = self.session.store.load().data
        self.imported.emit(ws.id)
        self.accept()
        return True
