"""`ingest --scheduler`: the same batch code path on a Dask cluster (local, loopback only)."""

from __future__ import annotations

import json

import pytest

from api.cli import app
from tests.api.test_cli import TEXT

distributed = pytest.importorskip("distributed")


@pytest.fixture
def cluster():
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


@pytest.mark.slow
def test_ingest_on_a_dask_cluster(runner, tmp_path, cluster) -> None:
    files = []
    for i in range(3):
        path = tmp_path / f"plan{i}.txt"
        path.write_text(TEXT + f"第{i}份。\n", encoding="utf-8")
        files.append(str(path))
    result = runner.invoke(app, ["ingest", *files, "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert "3 new, 0 already stored, 0 failed" in result.output
    listed = runner.invoke(app, ["quantities", "--kind", "target", "--format", "json"])
    raws = [item["raw"] for item in json.loads(listed.stdout)]
    assert raws.count("150家") == 3
