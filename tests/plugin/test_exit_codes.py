"""One `medlane` command, one set of exit codes: each kind of failure has its own, whichever side reports it."""
from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest

from crosswalks.exitcodes import ExitCode
from plugin.cli import main

# Every module that defines an error class a `medlane` subcommand can end with.
ERROR_MODULES = (
    "plugin.errors", "plugin.odclaim.matching", "docservice.errors", "docservice.exports.errors",
    "docservice.exports.command", "docservice.settings.schema",
)
# One class per kind of failure, from both sides: each must end with its own code.
KINDS = {
    "plugin.errors.ConfigError": ExitCode.usage,
    "plugin.errors.SeedError": ExitCode.seed_file,
    "plugin.errors.PMSError": ExitCode.open_dental,
    "plugin.errors.StateError": ExitCode.local_state,
    "plugin.errors.DocServiceError": ExitCode.document_service,
    "plugin.odclaim.matching.ClaimNotMatched": ExitCode.claim_not_matched,
    "docservice.errors.UserError": ExitCode.users,
    "docservice.errors.QueueError": ExitCode.queue,
    "docservice.errors.DatabaseError": ExitCode.database,
    "docservice.errors.ServeError": ExitCode.serve,
    "docservice.settings.schema.SettingsInvalid": ExitCode.settings_invalid,
    "docservice.exports.errors.ExportRefused": ExitCode.export_refused,
    "docservice.exports.errors.ExportFailed": ExitCode.export_failed,
}


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    for name in ("MEDLANE_DATABASE_URL", "MEDLANE_QUEUE_URL", "MEDLANE_PMS_URL", "MEDLANE_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MEDLANE_HOME", str(tmp_path / "home"))


def _error_classes() -> list[type]:
    found = []
    for name in ERROR_MODULES:
        module = importlib.import_module(name)
        found += [value for value in vars(module).values()
                  if isinstance(value, type) and issubclass(value, Exception) and hasattr(value, "exit_code")]
    return found


def test_codes_are_distinct_and_keep_the_shell_conventions():
    assert len({int(code) for code in ExitCode}) == len(ExitCode.__members__)  # no aliases
    assert (ExitCode.ok, ExitCode.usage, ExitCode.interrupted) == (0, 2, 130)  # success, argparse, 128 + SIGINT


def test_every_error_class_ends_with_an_exit_code_of_the_enum():
    classes = _error_classes()
    assert len(classes) >= len(KINDS)
    assert all(isinstance(error.exit_code, ExitCode) for error in classes), [
        error.__name__ for error in classes if not isinstance(error.exit_code, ExitCode)]


def test_each_kind_of_failure_has_its_own_code():
    # Before the enum, docservice's UserError..ServeError reused 3-6, the Open Dental side's codes.
    codes = {}
    for path, expected in KINDS.items():
        module, _, name = path.rpartition(".")
        codes[path] = getattr(importlib.import_module(module), name).exit_code
        assert codes[path] is expected, path
    assert len(set(codes.values())) == len(codes)


def test_an_unknown_user_ends_with_the_users_code(capsys):
    assert main(["users", "token", "nobody"]) == ExitCode.users
    assert capsys.readouterr().err.startswith("medlane: error: There is no user named 'nobody'")


def test_a_missing_seed_file_ends_with_the_seed_code(tmp_path, capsys):
    assert main(["sandbox", "--seed", str(tmp_path / "absent.json"), "--port", "0"]) == ExitCode.seed_file
    assert capsys.readouterr().err.startswith("medlane: error:")


def test_an_export_with_dates_the_wrong_way_round_is_a_usage_error(tmp_path, capsys):
    code = main(["export", "--from", "2027-01-05", "--to", "2027-01-04", "--out", str(tmp_path / "out")])
    assert code == ExitCode.usage
    assert capsys.readouterr().err.strip() == "medlane: error: --from is after --to."


def test_a_scan_with_failed_appointments_ends_with_its_own_code(monkeypatch):
    failed = SimpleNamespace(errors=["an appointment Open Dental would not answer for"])
    monkeypatch.setattr("plugin.scan.open_scanner", lambda settings, *, dry_run: SimpleNamespace(
        scan_window=lambda first, last: failed))
    monkeypatch.setattr("plugin.report.print_report", lambda report, *, as_json: None)
    code = main(["scan", "--from", "2027-01-04", "--to", "2027-01-04", "--pms-url", "http://127.0.0.1:9/api/v1",
                 "--developer-key", "d", "--customer-key", "c"])
    assert code == ExitCode.scan_incomplete
    assert code != ExitCode.open_dental  # a pass that partly failed is not Open Dental being down


@pytest.mark.parametrize(("raised", "expected"), [
    (KeyboardInterrupt(), ExitCode.interrupted), (RuntimeError("internals"), ExitCode.internal)])
def test_an_interrupt_and_an_unexpected_error_have_their_codes(monkeypatch, capsys, raised, expected):
    import plugin.commands as commands

    def explode(args):
        raise raised

    monkeypatch.setattr(commands, "run_demo_command", explode)
    assert main(["demo"]) == expected
    assert "Traceback" not in capsys.readouterr().err
