"""The import benchmark still runs and prints its figures (a small import, a short window)."""

from tests.bench.running import figures_of, run_bench


def test_the_import_bench_creates_every_row_once_and_prints_its_figures():
    output = run_bench("import_300.py", "--rows", "30", "--rate", "10", "--window", "1")
    assert "outcomes              {'created': 30}" in output
    assert "(30 POSTs)" in output
    figures = figures_of("import_300.py", output)
    assert figures["import: Lucca requests per created training"].target == "<= 1.05"
    assert figures["import: elapsed over minimum"].target == "<= 1.05x"
    assert figures["import: created once, no 429"].value == "30"
