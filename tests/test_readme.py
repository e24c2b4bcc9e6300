"""The README documents what users rely on: every setting, every CLI command, the quick start."""

from __future__ import annotations

import re

from api.cli import app
from api.settings import ENV_PREFIX, Settings
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    for name in Settings.model_fields:
        assert f"`{ENV_PREFIX}{name.upper()}`" in README, name


def test_every_cli_command_is_documented() -> None:
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"policyscope {name}" in README, name


def test_quick_start_is_two_commands_that_exist() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^bash (\S+)", section.split("```sh", 1)[1].split("```", 1)[0], re.M)
    assert len(commands) == 2
    for script in commands:
        assert (ROOT / script).is_file(), script
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
