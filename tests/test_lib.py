"Parametrised cases over the exported package (awkward to write as notebook cells)."
import math
import numpy as np, pandas as pd, pytest, torch
from recnb.data import Interactions, kcore, dedup
from recnb.splits import CSR, Split, leave_one_out, ratio_split, ratio_sizes, NegativeSampler
from recnb.metrics import evaluate, evaluate_brute, chance_level

def rand_split(nu, ni, seed, max_train, max_test):
    g = np.random.default_rng(seed); tr, va, te = [], [], []
    for u in range(nu):
        p = g.permutation(ni); a = int(g.integers(0, max_train + 1)); b = int(g.integers(0, max_test + 1))
        tr.append(p[:a].tolist()); va.append(p[a:a + 1].tolist()); te.append(p[a + 1:a + 1 + b].tolist())
    return Split(CSR.from_lists(tr), CSR.from_lists(va), CSR.from_lists(te), ni)

@pytest.mark.parametrize('seed,levels,max_test,ks,chunk', [
    (0, 2, 1, [1, 3], 5), (1, 3, 3, [5, 10], 1), (2, 50, 5, [2, 7, 19], 64), (3, 1, 2, [4], 3), (4, 1000, 4, [1, 20], 17)])
def test_fast_evaluator_equals_brute_force(seed, levels, max_test, ks, chunk):
    "Random scores with `levels` distinct values (1 = every score tied) against the per-user reference."
    sp = rand_split(40, 30, seed, 8, max_test)
    S = torch.from_numpy(np.random.default_rng(seed).integers(0, levels, (40, 30)).astype(np.float32))
    ref = evaluate_brute(S, sp.test.to_lists(), [sp.train[u].tolist() + sp.valid[u].tolist() for u in range(40)], ks)
    got = evaluate(lambda u: S[u], sp, ks=ks, chunk_size=chunk)
    assert set(got.metrics) == set(ref)
    for k in ref: assert got[k] == pytest.approx(ref[k], abs=1e-12), k

@pytest.mark.parametrize('n', [1, 2, 3, 9, 10, 11, 19, 20, 51, 237])
def test_ratio_sizes_sum_and_shares(n):
    tr, va, te = ratio_sizes(n)
    assert tr + va + te == n and te == math.ceil(0.1 * n - 1e-9) and va == math.ceil((n - te) / 9 - 1e-9)

@pytest.mark.parametrize('tie', ['item', 'line', 'random'])
def test_loo_partitions_every_interaction(tie):
    g = np.random.default_rng(0)
    df = pd.DataFrame({'user': g.integers(0, 30, 500), 'item': g.integers(0, 60, 500), 'timestamp': g.integers(0, 5, 500)}).drop_duplicates(['user', 'item'])
    ia = Interactions.from_frame(df, 'r', rating=None)
    s = leave_one_out(ia, tie=tie)
    for u in range(ia.n_users):
        got = sorted(s.train[u].tolist() + s.valid[u].tolist() + s.test[u].tolist())
        assert got == sorted(ia.df.item[ia.df.user == u].tolist())
        if len(got) >= 3:  # the test item is among the user's latest interactions
            last = ia.df[(ia.df.user == u)].timestamp.max()
            assert int(ia.df[(ia.df.user == u) & (ia.df.item == s.test[u][0].item())].timestamp.iloc[0]) == last

@pytest.mark.parametrize('k', [1, 2, 5])
def test_sampler_never_returns_excluded(k):
    ex = CSR.from_lists([[0, 1, 2], [5], list(range(8))])
    ns = NegativeSampler(ex, 10); users = torch.tensor([0, 1, 2] * 300)
    neg = ns.sample(users, k, torch.Generator().manual_seed(k))
    assert not ns.contains(users[:, None], neg).any()

@pytest.mark.parametrize('C,k', [(1, 10), (2, 1), (101, 10), (101, 20), (3000, 50)])
def test_chance_level_matches_enumeration(C, k):
    ch = chance_level(C, [k])
    assert ch[f'ndcg@{k}'] == pytest.approx(sum(1 / math.log2(p + 1) for p in range(1, min(k, C) + 1)) / C)
    assert ch[f'hr@{k}'] == pytest.approx(min(k, C) / C)
