"""Import circles among recnb modules (an AST import graph, lazy imports inside functions included; Tarjan SCCs).

Usage: python tools/import_graph.py [REPO]   (prints the number of circles and their modules; exit 1 if any)
"""
import ast, sys, pathlib, itertools
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')/'recnb'
mods = {}
for p in root.rglob('*.py'):
    if p.name == '_modidx.py': continue
    name = '.'.join(p.relative_to(root.parent).with_suffix('').parts).removesuffix('.__init__')
    mods[name] = p
g = {m: set() for m in mods}
for m, p in mods.items():
    pkg = m if p.name == '__init__.py' else m.rsplit('.', 1)[0]
    for n in ast.walk(ast.parse(p.read_text())):
        if isinstance(n, ast.ImportFrom):
            if n.level:
                base = pkg.split('.')
                base = base[:len(base) - (n.level - 1)]
                tgt = '.'.join(base + ([n.module] if n.module else []))
            else: tgt = n.module or ''
            cands = [tgt] + [f'{tgt}.{a.name}' for a in n.names]
        elif isinstance(n, ast.Import): cands = [a.name for a in n.names]
        else: continue
        for c in cands:
            if c in mods and c != m: g[m].add(c)
# strongly connected components (Tarjan)
idx, low, st, on, out, i = {}, {}, [], set(), [], [0]
def sc(v):
    idx[v] = low[v] = i[0]; i[0] += 1; st.append(v); on.add(v)
    for w in g[v]:
        if w not in idx: sc(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], idx[w])
    if low[v] == idx[v]:
        comp = []
        while True:
            w = st.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: out.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in g:
    if v not in idx: sc(v)
print(len(out), "import circles (including imports inside functions):", out)
sys.exit(1 if out else 0)
