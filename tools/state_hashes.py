"""Hash of the whole state of every federated method x base model after 4 FilmTrust rounds, and its test HR@10.

    python tools/state_hashes.py > now.txt
    PYTHONPATH=<another checkout> python tools/state_hashes.py > then.txt; diff then.txt now.txt

Equal lines mean the two versions compute the same bits (same seed, same thread count)."""
import hashlib

from recnb.baselines import make_split
from recnb.fed.engine import Federation, FedConfig
import recnb.fed  # registers methods
sp = make_split('filmtrust-fedrkg')
for m in ('replace', 'kg', 'ag', 'dual', 'local', 'central'):
    for base in ('pfedrec', 'fedmf', 'fedncf'):
        f = Federation(sp, base, FedConfig(method=m, eval_every=0, sync_every=2, seed=0, rounds=4, method_args={'gate_lr': 0.1} if m == 'ag' else {}))
        for _ in range(4): f.run_round()
        h = hashlib.sha256()
        for k, v in sorted(f.state_dict().items()): h.update(k.encode()); h.update(v.numpy().tobytes())
        r = f.evaluate('test')
        print(m, base, h.hexdigest()[:16], round(r['hr@10'], 6))
