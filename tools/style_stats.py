"""Reader-facing style figures of the notebooks and the package: exported cell lengths, long lines, `;` joins.

Usage: python tools/style_stats.py [--max-line 110]
"""
import argparse, ast, glob, json, re, statistics, subprocess
from pathlib import Path

def stats(max_line:int=110)->dict:
    files = subprocess.run(['git', 'ls-files', 'nbs/*.ipynb', 'nbs/**/*.ipynb'], capture_output=True,
                           text=True).stdout.split()
    lens, big, spec, noout, noimg, plots = [], [], 0, [], [], []
    for f in files:
        nb = json.load(open(f)); code = [c for c in nb['cells'] if c['cell_type'] == 'code']
        for c in nb['cells']:
            s = ''.join(c['source']); spec += s.count('spec §')
            if c['cell_type'] == 'code' and s.startswith('#| export'):
                n = len(s.splitlines()); lens.append(n)
                if n > 60: big.append((f, n))
        if code and not any(c.get('outputs') for c in code): noout.append(f)
        outs = [o.get('data', {}) for c in code for o in c.get('outputs', [])]
        if any('image/png' in d or 'image/svg+xml' in d for d in outs):
            plots.append(f)
    py = [p for p in glob.glob('recnb/**/*.py', recursive=True) if not p.endswith('_modidx.py')]
    lines, generated = [], []
    for p in py:  # nbdev writes `__all__` itself, wrapped at 120 columns: counted apart
        src = open(p).read()
        m = re.search(r'^__all__ = \[.*?\]$', src, re.S | re.M)
        gen = set(m.group(0).splitlines()) if m else set()
        for l in src.splitlines(): (generated if l in gen else lines).append(l)
    semi = 0
    for p in py:
        import tokenize, io
        for t in tokenize.generate_tokens(io.StringIO(open(p).read()).readline):
            if t.type == tokenize.OP and t.string == ';': semi += 1
    return dict(notebooks=len(files), exported_cells=len(lens), median_cell=statistics.median(lens),
                max_cell=max(lens),
                cells_over_60=len(big), package_lines=len(lines) + len(generated),
                lines_over=sum(len(l) > max_line for l in lines),
                generated_all_lines_over=sum(len(l) > max_line for l in generated),
                semicolons=semi, spec_refs=spec, notebooks_without_output=len(noout),
                notebooks_with_images=len(plots))

if __name__ == '__main__':
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument('--max-line', type=int, default=110)
    for k, v in stats(a.parse_args().max_line).items(): print(f'{k:>26}: {v}')
