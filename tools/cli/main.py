"""Placeholder replaced by the real command line below in this series."""


def main() -> int:
    return 0
