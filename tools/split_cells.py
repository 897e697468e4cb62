"""Split exported notebook cells that hold several top-level definitions into one cell per definition.

Usage: python tools/split_cells.py nbs/11_fed.engine.ipynb [...]   (then nbdev_clean; nbdev_export)
The exported module is unchanged apart from the cell markers: every chunk keeps its order and its text.
Imports and constants before the first definition stay together; a chunk shorter than 3 lines joins the next.
"""
import ast, json, sys, uuid

def _chunks(body:str)->list[str]:
    lines = body.split('\n')
    try: tree = ast.parse(body)
    except SyntaxError: return [body]
    starts = []
    for n in tree.body:
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            s = min([n.lineno] + [d.lineno for d in n.decorator_list]) - 1
            while s > 0 and lines[s - 1].lstrip().startswith('#') and not lines[s - 1].startswith('#|'): s -= 1
            starts.append(s)
    starts = sorted(set(s for s in starts if s > 0))
    if not starts: return [body]
    bounds = [0, *starts, len(lines)]
    parts = ['\n'.join(lines[a:b]).strip('\n') for a, b in zip(bounds, bounds[1:])]
    parts = [p for p in parts if p.strip()]
    out = []
    for p in parts:
        if out and len(out[-1].splitlines()) < 3 and not out[-1].lstrip().startswith(('from ', 'import ')):
            out[-1] = out[-1] + '\n' + p
        else: out.append(p)
    return out

def split_nb(path:str)->int:
    nb = json.load(open(path)); new, n = [], 0
    for c in nb['cells']:
        s = ''.join(c['source'])
        if c['cell_type'] != 'code' or not s.startswith('#| export'):
            new.append(c); continue
        head = [l for l in s.split('\n') if l.startswith('#|')]
        body = '\n'.join(l for l in s.split('\n')[len(head):])
        if any(not l.startswith('#|') for l in s.split('\n')[:len(head)]): new.append(c); continue
        parts = _chunks(body)
        if len(parts) == 1: new.append(c); continue
        n += len(parts) - 1
        for i, p in enumerate(parts):
            d = dict(c) if i == 0 else {'cell_type': 'code', 'execution_count': None, 'id': uuid.uuid4().hex[:8],
                                        'metadata': {}, 'outputs': []}
            d['source'] = ('\n'.join(head) + '\n' + p).splitlines(keepends=True)
            if i: d['outputs'] = []
            new.append(d)
    nb['cells'] = new
    json.dump(nb, open(path, 'w'), indent=1, ensure_ascii=False)
    open(path, 'a').write('\n')
    return n

if __name__ == '__main__':
    for f in sys.argv[1:]: print(f, 'cells added:', split_nb(f))
