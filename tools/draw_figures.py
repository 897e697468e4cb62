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

def f3crec(d:Path)->list[Path]:
    from recnb.experiments.f3crec import plot_final, plot_heatmap, plot_task_curves, plot_replay
    res = [load_json(f) for f in sorted(d.glob('f3crec_*_*_*.json'))]
    out = []
    for ds in dict.fromkeys(r['dataset'] for r in res):
        rs = [r for r in res if r['dataset'] == ds]
        out.append(d/f'f3crec_final_{ds}.svg')
        plot_final(rs, path=out[-1])
        full = [r for r in rs if r['base'] == 'fedmf' and r['variant'] == 'full']
        if not full: continue
        for mode in ('corrected', 'reference'):
            out.append(d/f'f3crec_heatmap_{ds}_{mode}.svg')
            ms = [x['a'][mode]['ndcg@20'] for x in full[0]['runs']]
            plot_heatmap(ms, f'{ds}, F3CRec-FedMF, {mode} mode', path=out[-1])
        out += [d/f'f3crec_curves_{ds}.svg', d/f'f3crec_replay_{ds}.svg']
        plot_task_curves(full[0], path=out[-2])
        plot_replay(full[0], path=out[-1])
    return out

def towers(d:Path)->list[Path]:
    from recnb.experiments.towers import load_towers, plot_towers, plot_training, plot_robust
    if not list(d.glob('towers_ml-100k*.json')): return []
    r = load_towers('ml-100k', d)
    out = [d/'towers_ml-100k.svg', d/'towers_training_ml-100k.svg', d/'towers_robustness_ml-100k.svg']
    plot_towers(r, path=out[0])
    plot_training(r, path=out[1])
    plot_robust(r, path=out[2])
    return out

def fedrkg(d:Path)->list[Path]:
    from recnb.experiments.fedrkg import plot_curves, plot_memory, plot_paper_curves, load_paper
    res = [load_json(f) for f in sorted(d.glob('fedrkg_*_*_*.json'))
           if not f.name.startswith(('fedrkg_leak', 'fedrkg_paper'))]
    out = []
    for ds in dict.fromkeys(r['dataset'] for r in res):
        rs = [r for r in res if r['dataset'] == ds]
        out += [d/f'fedrkg_curves_{ds}.svg', d/f'fedrkg_memory_{ds}.svg']
        plot_curves([r for r in rs if r['method'] != 'central'], path=out[-2])
        plot_memory(rs, path=out[-1])
    P = load_paper(d)
    for ds in dict.fromkeys(r['dataset'] for r in P):
        out.append(d/f'fedrkg_paper_curves_{ds}.svg')
        plot_paper_curves(P, ds, path=out[-1])
    return out

DRAWERS = {'vlm2rec': vlm2rec, 'f3crec': f3crec, 'towers': towers, 'fedrkg': fedrkg}

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
