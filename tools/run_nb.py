"""Execute notebooks in place the way `nbdev_test` does, and save their outputs.

Usage: python tools/run_nb.py nbs/00_core.ipynb [more.ipynb ...] [--flags "slow"] [--as-user]
Cells marked `#| eval: false`, or with a `tst_flags` directive not named in --flags, are
skipped, exactly as in `nbdev_test`. Stops at the first exception and writes nothing then.
`--as-user` runs without IN_TEST (a tutorial then runs at its default size, as a reader runs it).
Run `nbdev_clean` afterwards (tools/run_nbs.sh does both for every notebook).
"""
import argparse, copy, os, sys
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory
from nbdev.config import get_config
from nbdev.process import extract_directives

def _skip(cell, skip_flags):
    if cell.cell_type != 'code': return True
    if 'nbdev_export' + '(' in cell.source: return True
    d = extract_directives(copy.deepcopy(cell), remove=False) or {}
    if d.get('eval:', [''])[0].lower() == 'false': return True
    return bool(skip_flags & d.keys())

def run_nb(fn, flags='', as_user=False):
    fn = Path(fn).absolute()
    skip = set(get_config().tst_flags.split()) - set(flags.split())
    nb = read_nb(fn)
    for c in nb.cells:
        if c.cell_type == 'code': c.outputs, c.execution_count = [], None
    sys.path.insert(0, str(get_config().config_path))
    if as_user: os.environ.pop('IN_TEST', None)
    else: os.environ['IN_TEST'] = '1'  # makes the trailing nbdev_export() a no-op, as in nbdev_test
    sh = CaptureShell(fn, mpl_format='png')  # 1x PNG (retina doubles every figure's size)
    with working_directory(fn.parent): sh.run_all(nb, exc_stop=True, preproc=lambda c: _skip(c, skip))
    write_nb(nb, fn)

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('nbs', nargs='+')
    p.add_argument('--flags', default='')
    p.add_argument('--as-user', action='store_true')
    a = p.parse_args()
    for f in a.nbs:
        run_nb(f, a.flags, a.as_user)
        print(f'ran {f}')
