"""Move the imports of notebook test/demo cells into a cell of their own, just before.

Usage: python tools/hoist_imports.py nbs/X.ipynb [...]
nbdev's docs step (`nbdev_proc_nbs`, part of `nbdev_docs`) executes every cell that contains an import, together with
the exported cells, to render `show_doc`. A test cell that also imports something is then run out of context: it fails
on a fixture defined in an earlier test cell, or, if it is a `slow` cell, it starts a long experiment and rewrites
result files. After this tool, a non-exported cell holds either imports only or no import at all.
"""
import ast, json, sys, uuid

def _split(src:str):
    "(imports, rest) of a cell's source, or None when there is nothing to move."
    lines = src.split('\n')
    head = []
    while lines and lines[0].startswith('#|'): head.append(lines.pop(0))
    body = '\n'.join(lines)
    try: tree = ast.parse(body)
    except SyntaxError: return None
    imps = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    if not imps or all(isinstance(n, (ast.Import, ast.ImportFrom)) for n in tree.body): return None
    if any(isinstance(n, ast.ImportFrom) and n.module == '__future__' for n in imps): return None
    drop, moved = set(), []
    for n in sorted(imps, key=lambda n: n.lineno):
        moved.append(ast.unparse(n))
        drop.update(range(n.lineno - 1, n.end_lineno))
    keep = []
    for i, l in enumerate(lines):
        if i not in drop: keep.append(l)
        elif i + 1 == max(k for k in drop if k >= i) + 1 and False: pass
    rest = '\n'.join(keep)
    # a block emptied by the move gets a `pass`
    for _ in range(5):
        try: ast.parse(rest); break
        except IndentationError as e:
            k = e.lineno - 1
            prev = keep[k - 1] if k - 1 < len(keep) else ''
            ind = prev[:len(prev) - len(prev.lstrip())] + '    '
            keep.insert(k, ind + 'pass'); rest = '\n'.join(keep)
    try: ast.parse(rest)
    except SyntaxError: return None
    flags = [h for h in head if any(f in h for f in ('slow', 'notest', 'gpu', 'eval:', 'hide'))]
    imps_src = '\n'.join([*flags, *dict.fromkeys(moved)])
    return imps_src, '\n'.join([*head, rest.strip('\n')])

def hoist(path:str)->int:
    nb = json.load(open(path)); out, n = [], 0
    for c in nb['cells']:
        s = ''.join(c['source'])
        if c['cell_type'] != 'code' or s.startswith(('#| export', '#| exporti', '#| exports')) or 'nbdev_export' in s:
            out.append(c); continue
        r = _split(s)
        if r is None: out.append(c); continue
        imps, rest = r
        out.append({'cell_type': 'code', 'execution_count': None, 'id': uuid.uuid4().hex[:8], 'metadata': {},
                    'outputs': [], 'source': imps.splitlines(keepends=True)})
        c['source'] = rest.splitlines(keepends=True)
        out.append(c); n += 1
    nb['cells'] = out
    json.dump(nb, open(path, 'w'), indent=1, ensure_ascii=False)
    open(path, 'a').write('\n')
    return n

if __name__ == '__main__':
    for f in sys.argv[1:]: print(f, 'cells split:', hoist(f))
