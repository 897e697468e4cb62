"""Re-run committed grid results with today's code and compare them with the committed files, run by run.

    OMP_NUM_THREADS=1 python tools/recheck_results.py run 0 2 &   # worker 0 of 2 (one per core)
    OMP_NUM_THREADS=1 python tools/recheck_results.py run 1 2 &
    python tools/recheck_results.py compare

`run` re-computes every FedRKG 100-round grid cell (figures/fedrkg_<dataset>_<base>_<method>.json) and
every F3CRec grid cell (figures/f3crec_*.json) into runs/recheck/, cheapest first, skipping cells already
there (so it resumes). `compare` reports, per cell, whether every run's results (metrics, best round, curves,
gate statistics; not the wall times) are identical. The committed grids were computed with one torch thread
per process: run with OMP_NUM_THREADS=1 to compare like with like."""
import glob, json, os, subprocess, sys

OUT = 'runs/recheck'

def cells()->list:
    out = []
    for f in sorted(glob.glob('figures/f3crec_*.json')):
        d = json.load(open(f))
        args = ['f3crec', '--dataset', d['dataset'], '--base', d['base'], '--variant', d['variant'],
                '--k-core', '5' if d['dataset'] == 'amazon-video' else '10']
        out.append((0, sum(r['seconds'] for r in d['runs']), os.path.basename(f), args, d['seeds']))
    for f in sorted(glob.glob('figures/fedrkg_*.json')):
        if 'paper' in f or 'leak' in f: continue
        d = json.load(open(f))
        args = ['fedrkg', '--dataset', d['dataset'], '--base', d['base'], '--method', d['method']]
        out.append((1, sum(r['seconds'] for r in d['runs']), os.path.basename(f), args, d['seeds']))
    return sorted(out)

def run(worker:int, n:int):
    os.makedirs(OUT, exist_ok=True)
    for i, (_, cost, name, args, seeds) in enumerate(cells()):
        if i % n != worker or os.path.exists(f'{OUT}/{name}'): continue
        print(f'{name}: committed runs took {cost:.0f} s', flush=True)
        r = subprocess.run(['recnb', *args, '--seeds', *map(str, seeds), '--out', OUT, '--quiet'])
        if r.returncode: sys.exit(f'{name}: recnb exited with {r.returncode}')

def _results(r:dict, kind:str)->dict:
    if kind == 'f3crec':
        tasks = [{k: v for k, v in t.items() if k != 'seconds'} for t in r['tasks']]
        return {'metrics': r['metrics'], 'a': r['a'], 'seed': r['seed'], 'tasks': tasks}
    return {k: r.get(k) for k in ('seed', 'best_round', 'rounds_run', 'test', 'valid', 'curve', 'gate')}

def compare()->int:
    same = diff = 0
    for f in sorted(glob.glob(f'{OUT}/*.json')):
        old, new = json.load(open('figures/' + os.path.basename(f))), json.load(open(f))
        k = old['kind']
        ok = [_results(r, k) for r in old['runs']] == [_results(r, k) for r in new['runs']]
        same, diff = same + ok, diff + (not ok)
        print(f'{os.path.basename(f):48s} {"identical" if ok else "DIFFERENT"}  {len(new["runs"])} runs')
    print(f'{same} cells identical, {diff} different, {len(cells()) - same - diff} not re-run yet')
    return diff

if __name__ == '__main__':
    if sys.argv[1:2] == ['run']: run(int(sys.argv[2]), int(sys.argv[3]))
    elif sys.argv[1:2] == ['compare']: sys.exit(1 if compare() else 0)
    else: sys.exit(__doc__)
