"""Redraw the committed figures of the README (figures/*.svg) from the committed results (figures/*.json).

Usage: python tools/draw_figures.py [--out figures]
Seconds, no training: each experiment module's plot functions read the result files. SVGs are written without a
date and with a fixed hash salt, so unchanged results give byte-identical files.
"""
import argparse
from pathlib import Path

from recnb.core import load_json, figures_dir

def vlm2rec(d:Path)->list[Path]:
    from recnb.experiments.vlm2rec import plot_synthetic, plot_robustness, plot_fusion, plot_real
    out = []
    for sc in ('text_strong', 'image_strong'):
        f = d/f'vlm2rec_synthetic_{sc}.json'
        if f.is_file():
            r = load_json(f)
            out += [d/f'vlm2rec_synthetic_{sc}.svg', d/f'vlm2rec_robustness_{sc}.svg']
            plot_synthetic(r, out[-2])
            plot_robustness(r, path=out[-1])
    f = d/'vlm2rec_fusion_text_strong.json'
    if f.is_file():
        out.append(d/'vlm2rec_fusion_text_strong.svg')
        plot_fusion(load_json(f), out[-1])
    f = d/'vlm2rec_ml-100k-mm.json'
    if f.is_file():
        r = load_json(f)
        out += [d/'vlm2rec_ml-100k-mm.svg', d/'vlm2rec_robustness_ml-100k-mm.svg']
        plot_real(r, path=out[-2])
        runs = [m | {'loss': m['method'].split('/')[0][4:]} for m in r['methods'] if 'robustness' in m]
        plot_robustness({'runs': runs}, path=out[-1])
    return out

DRAWERS = {'vlm2rec': vlm2rec}

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--out', default=None)
    p.add_argument('--only', default=None, help='comma-separated: ' + ', '.join(DRAWERS))
    a = p.parse_args()
    import matplotlib
    matplotlib.use('Agg')
    d = figures_dir(a.out)
    for name, fn in DRAWERS.items():
        if a.only and name not in a.only.split(','): continue
        for f in fn(d): print('wrote', f.relative_to(Path.cwd()) if f.is_relative_to(Path.cwd()) else f)
