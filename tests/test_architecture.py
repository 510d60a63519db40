"""The floor plan of generator/ (docs/architecture.md), checked: no import circle, no upward import,
MkDocs only in the glue, no module over 400 lines.

Imports are read with `ast`, function-level ones included (an import inside a function still ties
two modules together; it only hides the knot). Imports under `if TYPE_CHECKING:` are left out: they
never run, and a type may name a record of a higher layer.

Known violations sit in the allow-lists below, one entry per import or module, each removed by the
work that fixes it. An entry that no longer matches anything fails too, so the lists only shrink.
"""

from __future__ import annotations

import ast
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_LINES = 400
# The layers, lowest first: a module may import its own layer and the ones below, never one above.
# mkdocs/ and cli/ are both on top and do not import each other; federation/ (many offices) sits under
# them, above the pipeline (it reads its file as the loader does); search/ is a library of its own
# that imports no other layer (the glue and the command line call it).
# oit/ sits below the families: the ITA family reads the catalogue model, and the OIT pages receive
# the families' pages as an argument instead of importing them.
LAYERS = {"base": 0, "engine": 1, "oit": 2, "families": 3, "pipeline": 4, "federation": 4.5, "mkdocs": 5, "cli": 5}
INDEPENDENT = {"search"}
GLUE = "generator.mkdocs"
HOSTS = {"mkdocs", "material"}

# Known violations: (importing module, imported module).
ALLOWED_CYCLE_EDGES: set[tuple[str, str]] = set()
ALLOWED_UPWARD: set[tuple[str, str]] = set()
ALLOWED_HOST_IMPORTS: set[tuple[str, str]] = set()
# Known long modules: module name.
ALLOWED_LONG: set[str] = set()


@dataclass(frozen=True)
class Import:
    """One import statement of a generator module, resolved to the module it loads."""

    source: str
    target: str
    line: int
    in_function: bool

    def __str__(self) -> str:
        where = " (inside a function)" if self.in_function else ""
        return f"{_path(self.source)}:{self.line}: {self.source} -> {self.target}{where}"


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _path(module: str) -> str:
    return _modules()[module].relative_to(PACKAGE.parent).as_posix()


@lru_cache(maxsize=1)
def _modules() -> dict[str, Path]:
    return {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _statements(nodes, in_function: bool = False):
    """Every import statement with whether it sits in a function, skipping `if TYPE_CHECKING:` blocks."""
    for node in nodes:
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from _statements(node.orelse, in_function)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, in_function
        else:
            inside = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            yield from _statements(ast.iter_child_nodes(node), inside)


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module if _modules()[module].name == "__init__.py" else module.rpartition(".")[0]
    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
    return f"{base}.{node.module}" if node.module else base


@lru_cache(maxsize=1)
def imports() -> tuple[Import, ...]:
    """Every import in generator/, resolved to a module name (a submodule when `from pkg import mod`)."""
    out = []
    for module, path in _modules().items():
        for node, in_function in _statements(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = _resolve(module, node)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in _modules() else base for a in node.names]
            out += [Import(module, target, node.lineno, in_function) for target in dict.fromkeys(targets)]
    return tuple(out)


def _graph(skip: set[tuple[str, str]]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in _modules()}
    for imp in imports():
        if imp.target in graph and imp.target != imp.source and (imp.source, imp.target) not in skip:
            graph[imp.source].add(imp.target)
    return graph


def _knots(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that import each other, directly or not (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(start: str) -> None:  # iterative Tarjan: the graph is a few hundred modules deep at most
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(group)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in stack:
                low[node] = min(low[node], index[child])

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest circle through each knot."""
    return [_shortest_circle(graph, group) for group in _knots(graph)]


def _shortest_circle(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    best: list[str] = []
    for start in sorted(group):
        came = {start: start}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for child in sorted(graph[node] & group):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came[path[-1]])
                    circle = [*reversed(path), start]
                    if not best or len(circle) < len(best):
                        best = circle
                    queue.clear()
                    break
                if child not in came:
                    came[child] = node
                    queue.append(child)
    return best


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (parts[1] in LAYERS or parts[1] in INDEPENDENT) else None


def _upward(imp: Import) -> bool:
    source, target = _layer(imp.source), _layer(imp.target)
    if source is None or target is None or source == target or not imp.target.startswith("generator."):
        return False
    if source in INDEPENDENT or target in INDEPENDENT:
        return source in INDEPENDENT  # search imports no layer; any layer may call search
    return LAYERS[target] >= LAYERS[source]


def _report(title: str, lines: list[str]) -> str:
    count = sum(1 for line in lines if not line.startswith(" "))
    return f"{title} ({count}):\n  " + "\n  ".join(lines)


def _stale(allowed: set, found: set) -> list[str]:
    return [f"{entry} is allowed but no longer found: delete it from the allow-list" for entry in sorted(allowed - found)]


def test_no_import_circle():
    graph = _graph(ALLOWED_CYCLE_EDGES)
    lines = []
    for knot in _knots(graph):
        lines.append(f"{len(knot)} modules import each other; shortest circle: "
                     + " -> ".join(_shortest_circle(graph, knot)) + "; the imports that tie them:")
        lines += [f"    {imp}" for imp in imports() if imp.source in knot and imp.target in knot
                  and (imp.source, imp.target) not in ALLOWED_CYCLE_EDGES]
    needed = {edge for edge in ALLOWED_CYCLE_EDGES if _knots(_graph(ALLOWED_CYCLE_EDGES - {edge}))}
    stale = _stale(ALLOWED_CYCLE_EDGES, needed)
    assert not lines and not stale, _report("import circles in generator/", lines + stale)


def _type_only_edges() -> set[tuple[str, str]]:
    """(source, target) of every import inside an `if TYPE_CHECKING:` block."""
    edges = set()
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.If) and _is_type_checking(node):
                for inner, _ in _statements(node.body):
                    if isinstance(inner, ast.ImportFrom):
                        base = _resolve(module, inner)
                        edges |= {(module, f"{base}.{a.name}" if f"{base}.{a.name}" in _modules() else base)
                                  for a in inner.names}
                    else:
                        edges |= {(module, a.name) for a in inner.names}
    return edges


def test_no_import_circle_even_through_type_only_imports():
    """A type-only import may name a higher layer, but it must not close a circle: the type checker, an
    editor and a reader still follow it, and a circle there is one runtime import away."""
    graph = _graph(ALLOWED_CYCLE_EDGES)
    for source, target in _type_only_edges():
        if target in graph and target != source:
            graph[source].add(target)
    assert not _knots(graph), _report("import circles through type-only imports",
                                      [" -> ".join(_shortest_circle(graph, k)) for k in _knots(graph)])


def test_only_the_glue_imports_mkdocs():
    found = [imp for imp in imports() if imp.target.split(".")[0] in HOSTS
             and not (imp.source == GLUE or imp.source.startswith(GLUE + "."))]
    pairs = {(imp.source, imp.target) for imp in found}
    lines = [str(imp) for imp in found if (imp.source, imp.target) not in ALLOWED_HOST_IMPORTS]
    stale = _stale(ALLOWED_HOST_IMPORTS, pairs)
    assert not lines and not stale, _report("MkDocs or Material imported outside generator/mkdocs/", lines + stale)


def test_no_upward_import():
    found = [imp for imp in imports() if _upward(imp)]
    pairs = {(imp.source, imp.target) for imp in found}
    lines = [str(imp) for imp in found if (imp.source, imp.target) not in ALLOWED_UPWARD]
    stale = _stale(ALLOWED_UPWARD, pairs)
    assert not lines and not stale, _report("imports of a higher layer (base < engine < oit < families < "
                                            "pipeline < mkdocs, cli; search apart)", lines + stale)


def test_no_module_over_400_lines():
    sizes = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in _modules().items()}
    long = {m for m, n in sizes.items() if n > MAX_LINES}
    lines = [f"{_path(m)}: {sizes[m]} lines" for m in sorted(long - ALLOWED_LONG)]
    stale = _stale(ALLOWED_LONG, long)
    assert not lines and not stale, _report(f"modules over {MAX_LINES} lines: split them", lines + stale)


# The checker checks itself on small graphs, so an empty report means "no circle", not "blind".
def test_the_circle_finder_names_the_shortest_circle():
    graph = {"a": {"b"}, "b": {"c", "a"}, "c": {"a"}, "d": {"d", "a"}, "e": set()}
    assert _cycles(graph) == [["a", "b", "a"]]
    assert _cycles({"x": {"y"}, "y": {"z"}, "z": {"x"}}) == [["x", "y", "z", "x"]]


def test_function_level_and_relative_imports_are_read():
    source = "from .b import c\ndef f():\n    import generator.z\nif TYPE_CHECKING:\n    import generator.t\n"
    found = [(n.module if isinstance(n, ast.ImportFrom) else n.names[0].name, inside)
             for n, inside in _statements(ast.parse(source).body)]
    assert found == [("b", False), ("generator.z", True)]


def test_the_layer_order_is_read_as_written():
    def up(source: str, target: str) -> bool:
        return _upward(Import(source, target, 1, False))

    assert up("generator.base.calendar", "generator.engine.site")
    assert up("generator.families.nogift.pages", "generator.pipeline.load")
    assert up("generator.cli.main", "generator.mkdocs.plugin") and up("generator.mkdocs.plugin", "generator.cli.main")
    assert up("generator.search.index", "generator.base.calendar")  # search stands apart
    assert not up("generator.pipeline.load", "generator.families.nogift.model")
    assert not up("generator.mkdocs.plugin", "generator.search")
    assert not up("generator.families.ita.model", "generator.families.measures.model")  # same layer
