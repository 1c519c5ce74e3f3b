"""The canary guard itself (tests/conftest.py) must be able to fail: a test that logs, prints or
runs a subprocess that shows a canary fails; the same test without the canary passes."""

import re
import subprocess
import sys

from tests.support import ROOT, SANDBOX_KEY

LEAKS = {
    "logged": "import logging\nlogging.getLogger('x').debug('key=%s', SECRET)",
    "logged_in_a_traceback": (
        "import logging\ntry:\n    raise ValueError(SECRET)\n"
        "except ValueError:\n    logging.getLogger('x').exception('failed')"
    ),
    "logged_as_an_extra": "import logging\nlogging.getLogger('x').info('ok', extra={'k': SECRET})",
    "printed": "print(SECRET)",
    "from_a_subprocess": (
        "import subprocess, sys\n"
        "subprocess.run([sys.executable, '-c', f'print({SECRET!r})'], capture_output=True)"
    ),
}
CONFTEST = "from tests.conftest import no_canary_leaks, pytest_runtest_makereport  # noqa\n"


def inner_tests() -> str:
    tests = []
    for how, body in LEAKS.items():
        for name, secret in (("leak", SANDBOX_KEY), ("clean", "nothing-to-hide")):
            code = "\n".join(f"    {line}" for line in body.splitlines())
            tests.append(f"def test_{name}_{how}():\n    SECRET = {secret!r}\n{code}\n")
    return "\n\n".join(tests)


def test_a_leak_fails_the_test_and_the_same_without_a_secret_passes(tmp_path):
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_inner.py").write_text(inner_tests())
    with open(tmp_path / "out.txt", "w") as out:  # not through a pipe: this output has canaries
        subprocess.run(
            [sys.executable, "-m", "pytest", "-rA", "-p", "no:cacheprovider", str(tmp_path)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=120,
        )
    report = (tmp_path / "out.txt").read_text()
    # A leak in a log record, in printed output or in a subprocess's: "ERROR" at teardown.
    verdicts = re.findall(r"^(PASSED|FAILED|ERROR) \S*test_inner\.py::test_(\w+)", report, re.M)
    failed = {name for verdict, name in verdicts if verdict != "PASSED"}
    passed = {name for verdict, name in verdicts if verdict == "PASSED"}
    assert failed == {f"leak_{how}" for how in LEAKS}, report
    assert passed >= {f"clean_{how}" for how in LEAKS}, report
