"""Test hygiene (#18.13, #18.14): no test asserts a timing or a speed ratio (speed belongs to the
benchmarks), and the Makefile's commands work in a user's clone (no path outside the repository)."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
CLOCKS = {"monotonic", "perf_counter", "process_time", "time", "monotonic_ns", "perf_counter_ns", "time_ns"}
MEASURED = re.compile(r"(elapsed|duration|took|deadline|^started$|ratio|_seconds$|per_s$)")


def _measured(node: ast.AST) -> str | None:
    """What in ``node`` is a measured time: a clock call, or a name/attribute that holds one."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr in CLOCKS \
                and isinstance(sub.func.value, ast.Name) and sub.func.value.id == "time":
            return f"time.{sub.func.attr}()"
        name = sub.id if isinstance(sub, ast.Name) else sub.attr if isinstance(sub, ast.Attribute) else None
        if name and MEASURED.search(name):
            return name
    return None


def _bound(node: ast.AST) -> bool:
    """A bound a speed could miss: a number other than 0 (``> 0`` only says it was measured), or a
    clock reading such as a deadline."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value != 0
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return True
    return _measured(node) is not None


def timing_assertions(source: str) -> list[tuple[int, str]]:
    """(line, what) of each assert comparing a measured time or speed against a bound."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Assert):
            continue
        for compare in (n for n in ast.walk(node.test) if isinstance(n, ast.Compare)):
            if not all(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in compare.ops):
                continue
            sides = [compare.left, *compare.comparators]
            for i, side in enumerate(sides):
                what = _measured(side)
                others = sides[:i] + sides[i + 1:]
                if what and any(_bound(o) for o in others):
                    found.append((node.lineno, what))
                    break
    return found


def test_the_checker_finds_the_timing_assertions_it_is_for():
    bad = '''
assert result.cpu_ratio >= 1.0
assert time.monotonic() - started < 5
assert len(calls) == 2 and elapsed < 1.5
assert time.monotonic() < deadline and thread.is_alive()
'''
    assert [line for line, _ in timing_assertions(bad)] == [2, 3, 4, 5]
    fine = '''
assert result.full_cpu_seconds > 0 and result.bare_cpu_seconds > 0
assert result.ratio == pytest.approx(result.full_seconds / result.bare_seconds)
assert len(doc) >= 300 and started_by == "me"
assert 0 < remaining <= 30
'''
    assert timing_assertions(fine) == []


@pytest.mark.parametrize("path", sorted(TESTS.rglob("test_*.py")), ids=lambda p: str(p.relative_to(TESTS)))
def test_no_test_asserts_a_timing(path):
    found = timing_assertions(path.read_text("utf-8"))
    assert not found, f"{path.relative_to(REPO)} asserts a timing (speed belongs to the benchmarks): {found}"


def _recipes() -> dict[str, list[str]]:
    recipes: dict[str, list[str]] = {}
    target = None
    for line in (REPO / "Makefile").read_text("utf-8").splitlines():
        match = re.match(r"^([\w-]+):", line)
        if match:
            target = match.group(1)
            recipes[target] = []
        elif line.startswith("\t") and target:
            recipes[target].append(line.strip())
    return recipes


def test_make_commands_use_only_what_a_clone_has():
    recipes = _recipes()
    assert {"run", "test", "eval", "bench", "screenshots"} <= set(recipes)
    for target, lines in recipes.items():
        for line in lines:
            assert "../" not in line, f"make {target} reaches outside the repository: {line}"
            for word in re.findall(r"(?:samples|tests|docs)/[\w./*-]*", line):
                base = word.split("*")[0].rstrip("/")
                assert (REPO / base).exists() or list(REPO.glob(word)), f"make {target}: {word} is not in the repository"


def test_make_eval_scores_the_bundled_gold(nlp, capsys):
    """What `make eval` runs, run here: the gold files and their articles are in the repository."""
    from newsevents.cli import main

    (line,) = _recipes()["eval"]
    args = line.split()[1:]  # after $(BIN)/newsevents
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--json"])
    assert exit_.value.code in (0, None)
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == [] and report["count"] == 3
    assert set(report["articles"]) == {p.name.split(".")[0] for p in (TESTS / "fixtures" / "gold").glob("*.gold.json")}


def test_screenshots_go_to_a_temporary_folder_unless_asked():
    """The browser tests write screenshots where NEWSEVENTS_SCREENSHOTS says (`make screenshots`),
    otherwise to a temporary folder: a test run leaves docs/screenshots/ as it is."""
    source = (TESTS / "browser" / "test_pages.py").read_text("utf-8")
    assert "docs\" / \"screenshots" not in source and "docs/screenshots\"" not in source
    assert "NEWSEVENTS_SCREENSHOTS" in source and "NEWSEVENTS_SCREENSHOTS=docs/screenshots" in "\n".join(
        _recipes()["screenshots"])
