from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.settings import DEFAULT_MODEL, Settings, load_settings


def test_defaults_without_environment():
    s = load_settings(env={})
    assert s == Settings()
    assert s.model == DEFAULT_MODEL


def test_file_then_environment_then_overrides(tmp_path: Path):
    cfg = tmp_path / "ew.toml"
    cfg.write_text('[eventwire]\nmodel = "my_model"\nbatch_size = 8\nmax_doc_chars = 500\n')
    s = load_settings(cfg, env={"EVENTWIRE_BATCH_SIZE": "16"}, max_doc_chars=900)
    assert (s.model, s.batch_size, s.max_doc_chars) == ("my_model", 16, 900)


def test_yaml_file_and_bool(tmp_path: Path):
    cfg = tmp_path / "ew.yaml"
    cfg.write_text("statements: false\nmin-confidence: 0.4\n")
    s = load_settings(cfg, env={})
    assert s.statements is False and s.min_confidence == 0.4


@pytest.mark.parametrize(
    "env",
    [{"EVENTWIRE_BATCH_SIZE": "many"}, {"EVENTWIRE_STATEMENTS": "perhaps"}],
)
def test_bad_values_are_config_errors(env):
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(env=env)


def test_unknown_setting_in_file(tmp_path: Path):
    cfg = tmp_path / "ew.yaml"
    cfg.write_text("colour: blue\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(cfg, env={})


def test_settings_are_frozen():
    with pytest.raises(Exception):
        Settings().model = "x"  # type: ignore[misc]
