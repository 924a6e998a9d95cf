"""The shape of the code, enforced: layers point inward, the domain is standard library only,
no import cycles, and the frameworks are used only through their public names."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"

# The libraries whose private parts app/ must never touch (ARCHITECTURE.md, "Frameworks through
# their front door"). Their import names, not their distribution names.
LIBRARIES = frozenset(
    {
        "fastapi",
        "starlette",
        "strawberry",
        "graphql",
        "asyncpg",
        "sqlalchemy",
        "pydantic",
        "pydantic_core",
        "pydantic_settings",
        "cross_web",
    }
)
# Library machinery whose methods are internal (graphql-core's executor, and Strawberry's
# execution context built on it): app/ must not subclass it either.
PRIVATE_BASES = frozenset({"Executor"})
# The only private uses allowed, each with its reason in the README: none today.
ALLOWED: frozenset[tuple[str, str]] = frozenset()


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(APP.rglob("*.py")):
        yield str(path.relative_to(ROOT)), ast.parse(path.read_text(), filename=str(path))


def _own_names(trees: list[ast.Module]) -> set[str]:
    """Every name app/ itself defines: its underscored attributes are its own business."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                names.update(_slots(node))
    return names


def _slots(node: ast.Assign | ast.AnnAssign) -> set[str]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if not any(isinstance(t, ast.Name) and t.id == "__slots__" for t in targets):
        return set()
    value = node.value
    if not isinstance(value, ast.Tuple | ast.List):
        return set()
    return {e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}


def _library(module: str | None) -> bool:
    return module is not None and module.split(".")[0] in LIBRARIES


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _library_bindings(tree: ast.Module) -> dict[str, str]:
    """Local name -> dotted path, for every name or module the module imports from a library."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _library(node.module):
            bound.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names})
        elif isinstance(node, ast.Import):
            bound.update({a.asname or a.name: a.name for a in node.names if _library(a.name)})
    return bound


def _library_base(base: ast.expr, bound: dict[str, str]) -> object | None:
    """The library class a class statement's base names, imported, or None."""
    dotted = ast.unparse(base)
    head, _, rest = dotted.partition(".")
    if head not in bound:
        return None
    path = bound[head] + (f".{rest}" if rest else "")
    module, _, name = path.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def private_uses(trees: dict[str, ast.Module]) -> list[str]:
    """Each use of a library's private module, name, attribute or method, as `file:line: what`."""
    own = _own_names(list(trees.values()))
    found: list[tuple[str, int, str]] = []
    for path, tree in trees.items():
        bound = _library_bindings(tree)
        for node in ast.walk(tree):
            for what in _private_use(node, own, bound):
                if (path, what) not in ALLOWED:
                    found.append((path, getattr(node, "lineno", 0), what))
    return [f"{path}:{line}: {what}" for path, line, what in sorted(found)]


def _private_use(node: ast.AST, own: set[str], bound: dict[str, str]) -> Iterator[str]:
    if isinstance(node, ast.ImportFrom) and _library(node.module):
        assert node.module is not None
        if any(_private(part) for part in node.module.split(".")):
            yield f"private module {node.module}"
        yield from (
            f"private name {a.name} of {node.module}" for a in node.names if _private(a.name)
        )
    elif isinstance(node, ast.Import):
        for alias in node.names:
            if _library(alias.name) and any(_private(p) for p in alias.name.split(".")):
                yield f"private module {alias.name}"
    elif isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in own:
        yield f"private attribute .{node.attr}"
    elif isinstance(node, ast.ClassDef):
        bases = [b for b in (_library_base(b, bound) for b in node.bases) if isinstance(b, type)]
        machinery = {c.__name__ for b in bases for c in b.__mro__} & PRIVATE_BASES
        if private := sorted(machinery):
            yield f"subclass of private machinery {private}"
        for item in node.body:
            method = isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
            if method and _private(item.name) and any(hasattr(b, item.name) for b in bases):
                yield f"override of private method {node.name}.{item.name}"


def test_app_uses_only_the_public_names_of_its_libraries():
    trees = dict(_modules())
    assert private_uses(trees) == []


def test_the_scan_finds_each_kind_of_private_use():
    """The scan itself can fail: each kind of private use is caught in a sample module."""
    sample = ast.parse(
        "from fastapi._compat import ModelField\n"
        "from fastapi.dependencies.utils import _get_param_aliases\n"
        "import starlette._utils\n"
        "from asyncpg import Pool\n"
        "from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext as E0\n"
        "def f(connection):\n    return connection._con\n"
        "class P(Pool):\n    def _check_init(self): ...\n    def _mine(self): ...\n"
        "class E(E0):\n    pass\n"
    )
    found = private_uses({"sample.py": sample})
    assert [line.split(": ", 1)[1] for line in found] == [
        "private module fastapi._compat",
        "private name _get_param_aliases of fastapi.dependencies.utils",
        "private module starlette._utils",
        "private attribute ._con",
        "override of private method P._check_init",
        "subclass of private machinery ['Executor']",
    ]


def test_the_domain_imports_the_standard_library_only():
    allowed = set(sys.stdlib_module_names) | {"app"}
    found = []
    for path, tree in _modules():
        if not path.startswith("app/domain/"):
            continue
        for node in ast.walk(tree):
            modules = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
            for module in modules:
                top = module.split(".")[0]
                inside_domain = module == "app.domain" or module.startswith("app.domain.")
                if top not in allowed or (top == "app" and not inside_domain):
                    found.append(f"{path}:{node.lineno}: {module}")
    assert found == []


def import_cycles(graph: grimp.ImportGraph, package: str) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iteratively)."""
    modules = sorted(m for m in graph.modules if m == package or m.startswith(package + "."))
    edges = {
        m: sorted(i for i in graph.find_modules_directly_imported_by(m) if i in set(modules))
        for m in modules
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        cycles.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return cycles


def test_app_has_no_import_cycles():
    graph = grimp.build_graph("app", cache_dir=None)
    assert import_cycles(graph, "app") == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for module in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(module)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.a")
    graph.add_import(importer="p.c", imported="p.a")
    assert import_cycles(graph, "p") == [["p.a", "p.b"]]


def test_process_wide_gc_settings_are_left_to_the_process_owner():
    """Only `serve`'s process set-up (app/served.py) may tune the garbage collector: a
    library-like create_app must not change the process it is imported into (tests, workers,
    other servers)."""
    found = []
    for path, tree in _modules():
        if path == "app/served.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name == "gc" for a in node.names):
                found.append(f"{path}:{node.lineno}")
    assert found == []


def test_import_contracts_hold():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
