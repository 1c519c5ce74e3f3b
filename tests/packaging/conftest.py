from pathlib import Path

import pytest

from tests.packaging.builds import build_distributions


@pytest.fixture(scope="session")
def distributions(tmp_path_factory) -> tuple[Path, Path]:
    """The wheel and the sdist, built once per run with `python -m build` from the repository."""
    return build_distributions(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def wheel(distributions) -> Path:
    return distributions[0]
