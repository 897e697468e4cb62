"""Profile of a federated round: seconds per round by phase, page faults, peak memory and the top torch operators.

    python tools/profile_rounds.py [--rounds N] [--only fedrkg|f3crec-task0]

`fedrkg`: FilmTrust (FedRKG's preprocessing), PFedRec, knowledge guidance, all 1,227 clients, one local epoch,
batches of 256, 4 negatives, no evaluation (the workload of `recnb bench fed`). `f3crec-task0`: ML-100K task 0 of
F3CRec-FedMF (full), rounds as the pipeline runs them (training and the valid/test evaluation of every round).
Run it from another checkout with PYTHONPATH=<that checkout> to profile that version."""
import argparse, os, resource, sys, time

import torch
from torch.profiler import ProfilerActivity, profile


def fedrkg():
    from recnb.baselines import make_split
    from recnb.fed.engine import Federation, FedConfig
    return Federation(make_split('filmtrust-fedrkg'), 'pfedrec',
                      FedConfig(method='kg', eval_every=0, sync_every=10_000, seed=0))


def f3crec_task0():
    from recnb.experiments.f3crec import f3crec_stream, f3crec_config, _factories
    blocks = f3crec_stream('ml-100k')
    model_fn, method_fn, cfg = _factories('fedmf', 'full', f3crec_config(), None)
    from recnb.fed.engine import Federation
    return Federation(blocks[0], model_fn(0), cfg, method_fn(0, None))


def step(fed):
    "One round as `fit` runs it (with the evaluation when one is due)."
    rec = fed.run_round()
    if fed.cfg.eval_every and fed.t % fed.cfg.eval_every == 0: fed.select_round()
    return rec


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--rounds', type=int, default=10)
    p.add_argument('--only', choices=['fedrkg', 'f3crec-task0'])
    a = p.parse_args(argv)
    import recnb
    print(f'recnb from {os.path.dirname(recnb.__file__)}, torch {torch.__version__}, '
          f'{torch.get_num_threads()} threads')
    for name, make in (('fedrkg', fedrkg), ('f3crec-task0', f3crec_task0)):
        if a.only and a.only != name: continue
        fed = make()
        for _ in range(2): step(fed)  # warm-up
        fed.timer.secs.clear()
        fed.timer.calls.clear()
        f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        t = time.perf_counter()
        for _ in range(a.rounds): step(fed)
        dt = (time.perf_counter() - t) / a.rounds
        faults = (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0) / a.rounds
        phases = ', '.join(f'{k} {v / a.rounds:.4f}' for k, v in fed.timer.secs.items())
        print(f'\n== {name}: {dt:.4f} s/round ({phases}); {faults:,.0f} minor page faults/round; '
              f'peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.2f} GiB')
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            for _ in range(3): step(fed)
        print(prof.key_averages().table(sort_by='self_cpu_time_total', row_limit=12, max_name_column_width=28))
    return 0


if __name__ == '__main__': sys.exit(main())
