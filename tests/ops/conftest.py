"""Capturing log records as the formatters write them, and leaving no listener or secret behind."""

import io
import logging
from collections.abc import Iterator

import pytest

from tools.ops import json_logs


class Captured:
    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    @property
    def lines(self) -> list[str]:
        return self.stream.getvalue().splitlines()


def capture(formatter: logging.Formatter, name: str = "lucca_training") -> Iterator[Captured]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger(name)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield Captured(stream)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


@pytest.fixture
def json_lines() -> Iterator[Captured]:
    yield from capture(json_logs.JsonFormatter())


@pytest.fixture
def text_lines() -> Iterator[Captured]:
    yield from capture(json_logs.TextFormatter("%(levelname)s %(name)s: %(message)s"))


@pytest.fixture(autouse=True)
def no_secrets_left() -> Iterator[None]:
    yield
    json_logs.secrets.clear()
