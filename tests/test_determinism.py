"""Same seed and thread count, same numbers: a small multi-task F3CRec run and a small FedRKG (adaptive guidance) run,
each twice in its own process at two threads, must agree bit for bit.

Run as a script, this file is the worker: it trains both and prints a digest of every result and every final tensor.
At more than one thread a race shows only when the threads really run at once, so the runs are large enough for
torch's CPU kernels to go parallel (tens of thousands of entries per step)."""
import hashlib, json, os, subprocess, sys

import numpy as np
import pytest

def _digest(x)->str:
    "SHA-256 of a tensor's bytes, or of a JSON-able value."
    import torch
    b = x.detach().contiguous().numpy().tobytes() if isinstance(x, torch.Tensor) else json.dumps(x).encode()
    return hashlib.sha256(b).hexdigest()[:16]

def _stream(n_users:int=300, n_items:int=200, per_user:int=40):
    "A log with a time trend, cut into a base block and two incremental blocks."
    import pandas as pd
    from recnb.data import Interactions
    from recnb.splits import temporal_blocks
    r = np.random.default_rng(0)
    rows = [(u, int(np.clip(r.normal(2 * t + u % 13, 12), 0, n_items - 1)), t * 1000 + u)
            for u in range(n_users) for t in range(per_user)]
    df = pd.DataFrame(rows, columns=['user', 'item', 'timestamp']).drop_duplicates(['user', 'item'])
    return temporal_blocks(Interactions.from_frame(df, 'trend', rating=None), base=0.6, n_blocks=2)

def _f3crec()->dict:
    "Three tasks of F3CRec-FedMF (replay memory and temporal mean on): matrices, metrics, logs."
    from recnb.experiments.f3crec import run_f3crec, f3crec_config
    from recnb.fed.f3crec import F3CRec
    states, task_memory = {}, F3CRec.task_memory
    def recording(self, fed):  # the early-stopped state of every task and the memory it hands over
        mem = task_memory(self, fed)
        ts = fed.state_dict() | {f'mem.{n}': v for n, v in mem.items()}
        states[len(states)] = {n: _digest(v) for n, v in ts.items()}
        return mem
    F3CRec.task_memory = recording
    res = run_f3crec('trend', stream=_stream(), cfg=f3crec_config(rounds=4, patience=None), save=False,
                     method_args={'top_n': 10, 'eps': 0.001})
    run = res['runs'][0]
    assert any(t['method_log'] for t in run['tasks'][1:]), 'the replay memory did not run'
    return {'a': run['a'], 'metrics': run['metrics'], 'logs': [t['method_log'] for t in run['tasks']],
            'curves': [t['curve'] for t in run['tasks']], 'states': states}

def _fedrkg()->dict:
    "A few rounds of FedRKG's adaptive guidance on PFedRec (gates trained at every sync): digests of the state."
    import recnb.fed  # registers the methods
    from recnb.fed.engine import Federation, FedConfig
    split = _stream()[0]
    cfg = FedConfig(method='ag', rounds=3, dim=16, batch_size=256, method_args={'gate_epochs': 2}, eval_every=0)
    fed = Federation(split, 'pfedrec', cfg)
    fed.fit(show_progress=False)
    return {k: _digest(v) for k, v in fed.state_dict().items()} | {'history': fed.history}

def _worker():
    import torch
    print(json.dumps({'threads': torch.get_num_threads(), 'f3crec': _f3crec(), 'fedrkg': _fedrkg()}))

def _run_twice(threads:int=2)->list[dict]:
    env = os.environ | {'OMP_NUM_THREADS': str(threads), 'MKL_NUM_THREADS': str(threads), 'RECNB_PROGRESS': '0'}
    out = []
    for _ in range(2):
        p = subprocess.run([sys.executable, __file__], env=env, capture_output=True, text=True, timeout=600)
        assert p.returncode == 0, p.stderr[-3000:]
        out.append(json.loads(p.stdout.strip().splitlines()[-1]))
    return out

def test_same_seed_same_numbers_at_two_threads():
    a, b = _run_twice(2)
    assert a['threads'] == b['threads'] == 2
    for part in ('f3crec', 'fedrkg'):
        diff = [k for k in a[part] if a[part][k] != b[part][k]]
        assert not diff, f'{part}: two runs with the same seed at 2 threads differ in {diff}'

if __name__ == '__main__': _worker()
