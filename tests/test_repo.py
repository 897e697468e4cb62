"Repository invariants that nbdev itself does not check."
import json, re, subprocess
from pathlib import Path
from nbdev.config import get_config

CFG = get_config()
ROOT = Path(CFG.config_path)
NBS = sorted(p for p in CFG.nbs_path.rglob('*.ipynb') if not any(s.startswith(('_', '.')) for s in p.relative_to(CFG.nbs_path).parts))
_exp = re.compile(r'^\s*#\s*\|\s*default_exp\s+(\S+)', re.M)

def _cells(p): return json.loads(p.read_text())['cells']

def test_every_module_comes_from_a_notebook():
    "nbdev_export never deletes a module whose notebook was renamed or removed."
    made = {m.group(1) for p in NBS for c in _cells(p) if c['cell_type'] == 'code'
            for m in [_exp.search(''.join(c['source']))] if m}
    lib = CFG.lib_path
    have = {'.'.join(p.relative_to(lib).with_suffix('').parts) for p in lib.rglob('*.py')
            if p.name not in ('__init__.py', '_modidx.py')}
    assert have <= made, f'orphan modules (delete them): {sorted(have - made)}'

def test_notebooks_are_named_and_titled():
    for p in NBS:
        first_md = next(''.join(c['source']) for c in _cells(p) if c['cell_type'] == 'markdown')
        assert first_md.startswith('# '), f'{p.name}: first markdown cell must be the H1 title'
        assert '\n> ' in first_md, f'{p.name}: the title cell needs a `>` subtitle'
        if p.name == CFG.readme_nb: continue
        if p.parent == CFG.nbs_path:  # API notebooks are numbered; experiments/ and tutorials/ are named
            assert re.match(r'^\d{2}[a-z]?_[a-z0-9_.]+\.ipynb$', p.name), f'bad notebook name {p.name}'
        else: assert re.match(r'^[a-z0-9_.]+\.ipynb$', p.name), f'bad notebook name {p.name}'

def test_exporting_notebooks_have_default_exp():
    "`#| export` without `#| default_exp` only warns, and exports nothing."
    _export = re.compile(r'^\s*#\s*\|\s*export[si]?\s*$', re.M)
    for p in NBS:
        srcs = [''.join(c['source']) for c in _cells(p) if c['cell_type'] == 'code']
        if any(_export.search(s) for s in srcs): assert any(_exp.search(s) for s in srcs), f'{p.name}: #| export without #| default_exp'

def test_no_dataset_files_committed():
    "Datasets are found through RECNB_DATA or downloaded; never committed."
    files = subprocess.run(['git', 'ls-files', 'data', 'figures'], cwd=ROOT, capture_output=True, text=True).stdout.split()
    bad = [f for f in files if not re.search(r'(\.gitkeep|\.md|\.json|\.svg)$', f)]
    assert not bad, f'data files committed: {bad}'

def test_notebook_table_in_readme_lists_every_notebook():
    readme = (ROOT/'README.md').read_text()
    missing = [p.name for p in NBS if p.name != CFG.readme_nb and p.stem not in readme]
    assert not missing, f'README notebook table misses {missing}'

# The reader's view: notebooks are committed executed (`tools/run_nbs.sh` re-executes them in place).
_draws = re.compile(r'(^|[^\w.])(plot_\w+|plt\.subplots|plt\.figure|sns\.\w+)\(|\.imshow\(', re.M)

def _code(p): return [c for c in _cells(p) if c['cell_type'] == 'code']

def _shown(c)->bool:
    "A cell a reader sees run: not exported, not hidden, not `slow` (slow cells are not re-executed)."
    s = ''.join(c['source'])
    return not re.match(r'\s*#\s*\|\s*(export|hide|exporti)', s) and not re.search(r'^#\|\s*slow', s, re.M)

def test_notebooks_are_committed_executed():
    "Every notebook with visible code shows at least one output."
    bare = [p.name for p in NBS if any(_shown(c) for c in _code(p)) and not any(c.get('outputs') for c in _code(p))]
    assert not bare, f'notebooks committed without outputs (run tools/run_nbs.sh): {bare}'

def test_no_error_outputs():
    bad = [f'{p.name} cell {c.get("id")}' for p in NBS for c in _code(p)
           for o in c.get('outputs', []) if o.get('output_type') == 'error']
    assert not bad, f'committed error outputs: {bad}'

def test_notebooks_that_draw_show_their_figures():
    "A notebook whose visible cells draw a figure holds at least one image output."
    def img(c): return any(k in o.get('data', {}) for o in c.get('outputs', []) for k in ('image/png', 'image/svg+xml'))
    missing = [p.name for p in NBS if any(_shown(c) and _draws.search(''.join(c['source'])) for c in _code(p))
               and not any(img(c) for c in _code(p))]
    assert not missing, f'notebooks that draw figures but show none: {missing}'

def test_outputs_hold_no_machine_paths():
    "Outputs must not leak this checkout's absolute path (they are read on other machines)."
    root = str(ROOT)
    bad = [p.name for p in NBS for c in _code(p) if root in json.dumps(c.get('outputs', []))]
    assert not bad, f'outputs with the absolute path {root}: {bad}'
