"""Bad-input suite: malformed copies of every loader's files, odd poster folders and the CLI, each with its exact outcome.

Each case runs one action on one malformed input and is classified as
  error   a recnb `DataError`/`ConfigError` (CLI: exit status 2 and `recnb ...: error: ...` on stderr)
          whose message names the file and, for a line of a file, `file:line`;
  drop    the action went on, and reported exactly how many lines/entries it left out;
  silent  the action went on and reported nothing (a defect: wrong data without a word);
  raw     another exception escaped, i.e. a traceback from inside a library (a defect).
Every case states the outcome it must have (kind and message, or kind and drop count).
`python tests/test_badinput.py` prints the table of the suite.
"""
import contextlib, io, json, math, os, sys, tempfile, warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from unittest import mock

os.environ.setdefault('RECNB_PROGRESS', '0')

import pytest
from PIL import Image

from recnb.core import DataError, ConfigError, DataWarning
from recnb.data import load_interactions, read_table, stats
from recnb import catalog as C

BIG = str(2**63)  # one past the largest int64


@dataclass
class Case:
    name: str
    run: Callable  # tmp folder -> result (an Interactions, a Catalog, a CLI triple, ...)
    kind: str  # the outcome it must have: 'error' or 'drop'
    expect: object  # 'error': text the message must contain (with file:line); 'drop': the exact count


@dataclass
class Cli:
    rc: int
    out: str
    err: str


def cli(*argv) -> Cli:
    "Run `recnb argv` in this process; a traceback escapes as an exception (classified 'raw')."
    from recnb.cli import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter('ignore', DataWarning)
        rc = main([str(a) for a in argv])
    return Cli(rc, out.getvalue(), err.getvalue())


def dropped(r):
    "The drop count a result reports, or None when it reports none."
    if isinstance(r, Cli):
        if r.out.lstrip().startswith('{'): return json.loads(r.out).get('load_drops', {}).get('dropped')
        m = [l for l in r.out.splitlines() if 'dropped on load:' in l]
        return int(m[0].split(': dropped ')[1].split()[0].replace(',', '')) if m else None
    if hasattr(r, 'drops'): return len(r.drops) if r.drops is not None and len(r.drops) else None
    if isinstance(r, C.Catalog):
        n = r.report['image_skipped']['dropped'] + r.report.get('image_check', {}).get('unreadable', 0)
        return n or None
    return None


def outcome(case: Case):
    "(kind, detail) of running `case` in a fresh folder."
    with tempfile.TemporaryDirectory() as d, warnings.catch_warnings():
        warnings.simplefilter('ignore', DataWarning)
        try: r = case.run(Path(d))
        except (DataError, ConfigError) as e: return 'error', str(e)
        except Exception as e: return 'raw', f'{type(e).__name__}: {e}'
    if isinstance(r, Cli) and r.rc == 2 and ': error: ' in r.err and 'Traceback' not in r.err: return 'error', r.err
    if isinstance(r, Cli) and r.rc != 0: return 'raw', r.err
    n = dropped(r)
    return ('drop', n) if n else ('silent', r)


# --- interactions files -------------------------------------------------------------------------------------------
GOOD = '196\t242\t3\t881250949'


def udata(*lines, on_bad='raise', enc='utf-8'):
    "Load an ML-100K-format folder holding `lines` as u.data."
    def run(tmp):
        (tmp/'u.data').write_bytes(''.join(l + '\n' for l in lines).encode(enc))
        (tmp/'u.item').touch()
        return load_interactions('ml-100k', tmp, on_bad=on_bad)
    return run


def dataset(name, fname, *lines, on_bad='raise'):
    "Load dataset `name` from a folder holding `lines` as `fname`."
    def run(tmp):
        (tmp/fname).write_text(''.join(l + '\n' for l in lines))
        return load_interactions(name, tmp, on_bad=on_bad)
    return run


LOADERS = [
    Case('id 2**63', udata(GOOD, f'{BIG}\t242\t3\t881250949'), 'error',
         "u.data:2: field 'user' does not fit a 64-bit integer"),
    Case('id 2**63, drop mode', udata(GOOD, f'1\t{BIG}\t3\t881250949', GOOD, on_bad='drop'), 'drop', 1),
    Case('timestamp 10**19', udata(GOOD, f'1\t2\t3\t{10**19}'), 'error',
         "u.data:2: field 'timestamp' does not fit a 64-bit integer"),
    Case('timestamp 10**19, drop mode', udata(f'1\t2\t3\t{10**19}', GOOD, on_bad='drop'), 'drop', 1),
    Case('timestamp fits int64, not a date', udata(GOOD, '1\t2\t3\t99999999999999'), 'error',
         "u.data:2: field 'timestamp' must be an integer in 0..253402300799"),
    Case('timestamp in milliseconds', udata(GOOD, '1\t2\t3\t881250949000'), 'error',
         "u.data:2: field 'timestamp' must be an integer in 0..253402300799 (unix time in seconds"),
    Case('negative timestamp', udata(GOOD, '1\t2\t3\t-5'), 'error',
         "u.data:2: field 'timestamp' must be an integer in 0..253402300799"),
    Case('rating inf', udata(GOOD, '1\t2\tinf\t881250949'), 'error',
         "u.data:2: field 'rating' must be a plain decimal number"),
    Case('rating nan', udata('1\t2\tnan\t881250949', GOOD), 'error',
         "u.data:1: field 'rating' must be a plain decimal number"),
    Case('rating 400 digits (overflows to inf)', udata(GOOD, '1\t2\t' + '9' * 400 + '\t5'), 'error',
         "u.data:2: field 'rating' must be a decimal number in 1..5"),
    Case('rating 99 on 1-5', udata(GOOD, '1\t2\t99\t881250949'), 'error',
         "u.data:2: field 'rating' must be a decimal number in 1..5 in steps of 1 (rating), got '99'"),
    Case('rating -3 on 1-5', udata(GOOD, '1\t2\t-3\t881250949'), 'error', "u.data:2: field 'rating' must be"),
    Case('rating 3.5 on a whole-star scale', udata(GOOD, '1\t2\t3.5\t881250949'), 'error',
         "u.data:2: field 'rating' must be a decimal number in 1..5 in steps of 1"),
    Case('out-of-scale ratings, drop mode', udata(GOOD, '1\t2\t99\t5', '1\t2\t-3\t5', '1\t3\t0\t5', on_bad='drop'),
         'drop', 3),
    Case("id '196.0' in a clean file", udata('196.0\t242\t3\t881250949', GOOD), 'error',
         "u.data:1: field 'user' must be an integer (ASCII digits), got '196.0'"),
    Case("id '196.0' next to a bad line", udata('196.0\t242\t3\t881250949', GOOD, 'junk'), 'error',
         "u.data:1: field 'user' must be an integer (ASCII digits), got '196.0'"),
    Case("id '1e2'", udata(GOOD, '1e2\t242\t3\t881250949'), 'error', "u.data:2: field 'user' must be an integer"),
    Case("id '1_000'", udata(GOOD, '1_000\t242\t3\t881250949'), 'error', "u.data:2: field 'user' must be an integer"),
    Case('id in Arabic-Indic digits', udata(GOOD, '\u0661\u0669\u0666\t242\t3\t881250949'), 'error',
         "u.data:2: field 'user' must be an integer"),
    Case("ids '196.0', '1e2', '1_000', non-ASCII, drop mode",
         udata(GOOD, '196.0\t1\t3\t5', '1e2\t1\t3\t5', '1_000\t1\t3\t5', '\u0661\t1\t3\t5', on_bad='drop'), 'drop', 4),
    Case('missing field', udata(GOOD, '1\t2\t3'), 'error', 'u.data:2: expected 4 fields'),
    Case('extra field', udata(GOOD, '1\t2\t3\t4\t5'), 'error', 'u.data:2: expected 4 fields'),
    Case('Latin-1 byte in u.data', udata(GOOD, '1\t2\t3\t4\xe9', enc='latin-1'), 'error',
         'u.data:2: cannot decode as utf-8 (byte 0xe9'),
    Case('empty file', udata(), 'error', 'u.data: empty file'),
    Case('every line bad, drop mode', udata('x', 'y\t1', on_bad='drop'), 'error', 'u.data: no data rows (2 bad lines dropped)'),
    Case('ml-1m: id 2**63', dataset('ml-1m', 'ratings.dat', '1::1193::5::978300760', f'{BIG}::1::5::978300760'),
         'error', "ratings.dat:2: field 'user' does not fit a 64-bit integer"),
    Case('filmtrust: rating 4.5 on 0.5-4', dataset('filmtrust', 'ratings.txt', '1 1 2', '1 2 4.5'), 'error',
         "ratings.txt:2: field 'rating' must be a decimal number in 0.5..4 in steps of 0.5"),
    Case('filmtrust: rating 3.25', dataset('filmtrust', 'ratings.txt', '1 1 2', '1 2 3.25', on_bad='drop'), 'drop', 1),
    Case('filmtrust-fedrkg: negative ordering key', dataset('filmtrust-fedrkg', 'ratings.dat', '0,0,2.0,0', '0,1,4.0,-1'),
         'error', "ratings.dat:2: field 'timestamp' must be an integer >= 0 (ordering key)"),
    Case('amazon-video: timestamp in ms', dataset('amazon-video', 'ratings.dat', '0,0,2.0,1281052800000'), 'error',
         "ratings.dat:1: field 'timestamp' must be an integer in 0..253402300799"),
    Case('lastfm-2k: listening count 0', dataset('lastfm-2k', 'user_artists.dat', 'userID\tartistID\tweight', '2\t51\t13',
                                                 '2\t52\t0'), 'error',
         "user_artists.dat:3: field 'rating' must be an integer >= 1 (listening count)"),
    Case('lastfm-2k: count 1.5 and inf, drop mode',
         dataset('lastfm-2k', 'user_artists.dat', 'h', '2\t51\t13', '2\t52\t1.5', '2\t53\tinf', on_bad='drop'), 'drop', 2),
]


# --- item text ----------------------------------------------------------------------------------------------------
TSV_HEAD = '\t'.join(C._TSV_COLS + ('has_poster',))
tsv_row = lambda i, t='Heat (1995)': f'{i}\t{t}\t01-Jan-1995\tAction\ttt1\tA plot.\t\tMichael Mann\tAl Pacino\t1'


def text_file(fname, data: bytes, folder='ml-100k-meta'):
    def run(tmp):
        (tmp/folder).mkdir()
        (tmp/folder/fname).write_bytes(data)
        return C.load_item_text('ml-1m' if fname == 'movies.dat' else 'ml-100k', tmp/folder/fname)
    return run


uitem = lambda i, t='Heat (1995)', flag='0': f'{i}|{t}|01-Jan-1995||http://x|' + '|'.join(['0'] * 18 + [flag])
omdb = lambda i: json.dumps({'movie_id': i, 'omdb': {'Plot': 'p'}})

TEXT = [
    Case('item_text.tsv: mixed UTF-8 and Latin-1',
         text_file('item_text.tsv', f'{TSV_HEAD}\n{tsv_row(1, "Misérables (1995)")}\n'.encode()
                   + f'{tsv_row(2, "Café (1995)")}\n'.encode('latin-1')),
         'error', 'item_text.tsv:2: mixed text encodings'),
    Case("item_text.tsv: id '1e2'", text_file('item_text.tsv', f'{TSV_HEAD}\n{tsv_row(1)}\n{tsv_row("1e2")}\n'.encode()),
         'error', "item_text.tsv:3: field 'movie_id' must be an integer"),
    Case('item_text.tsv: id 2**63', text_file('item_text.tsv', f'{TSV_HEAD}\n{tsv_row(BIG)}\n'.encode()), 'error',
         "item_text.tsv:2: field 'movie_id' does not fit a 64-bit integer"),
    Case('u.item: id in non-ASCII digits', text_file('u.item', f'{uitem(1)}\n{uitem("٢")}\n'.encode(), 'ml-100k'),
         'error', "u.item:2: field 'movie_id' must be an integer"),
    Case('u.item: genre flag 2', text_file('u.item', f'{uitem(1)}\n{uitem(2, flag="2")}\n'.encode('latin-1'), 'ml-100k'),
         'error', 'u.item:2: genre flags must be 0 or 1'),
    Case('movies.dat: id 2**63', text_file('movies.dat', f'1::Heat (1995)::Action\n{BIG}::X (1990)::Drama\n'.encode(),
                                           'ml-1m'), 'error', "movies.dat:2: field 'movie_id' does not fit"),
]


def omdb_case(*lines):
    def run(tmp):
        (tmp/'omdb_metadata.jsonl').write_text('\n'.join(lines) + '\n')
        return C.read_omdb(tmp/'omdb_metadata.jsonl')
    return run


TEXT += [
    Case('omdb jsonl: movie_id 2**64', omdb_case(omdb(1), omdb(2**64)), 'error',
         'omdb_metadata.jsonl:2: "movie_id" must be an id'),
    Case('omdb jsonl: movie_id given as a string', omdb_case(omdb(1), omdb('5')), 'error',
         'omdb_metadata.jsonl:2: expected an object with an integer "movie_id"'),
]


# --- poster folders -----------------------------------------------------------------------------------------------
def posters(make, check=False):
    "A catalog over items 1..3 whose poster folder gets `make(folder)` on top of 1.jpg, 2.jpg, 3.jpg."
    def run(tmp):
        import pandas as pd
        from recnb.data import Interactions
        img = tmp/'img'
        img.mkdir()
        for i in (1, 2, 3): Image.new('RGB', (4, 4)).save(img/f'{i}.jpg')
        make(img)
        ia = Interactions.from_frame(pd.DataFrame({'user': [1, 1, 2], 'item': [1, 2, 3], 'timestamp': [1, 2, 3]}),
                                     'toy', rating=None)
        text = C._frame([1, 2, 3], [], title=['a', 'b', 'c'])
        cat = C.catalog_for(ia, 'toy', text=text, image_path=img)
        return C.check_images(cat) if check else cat
    return run


def touch(p):
    p.write_text('x')
    return p


def unreadable(img):
    (img/'2.jpg').chmod(0)
    return img


POSTERS = [
    Case('symlink loop named 4.jpg', posters(lambda d: os.symlink('4.jpg', d/'4.jpg')), 'drop', 1),
    Case('folder named 5.jpg', posters(lambda d: (d/'5.jpg').mkdir()), 'drop', 1),
    Case('dangling symlink 6.jpg', posters(lambda d: os.symlink('gone.jpg', d/'6.jpg')), 'drop', 1),
    Case('named pipe 7.jpg', posters(lambda d: os.mkfifo(d/'7.jpg')), 'drop', 1),
    Case('empty 8.jpg', posters(lambda d: (d/'8.jpg').touch()), 'drop', 1),
    Case('corrupt 3.jpg (found by check_images)', posters(lambda d: (d/'3.jpg').write_bytes(b'not a jpeg'), True),
         'drop', 1),
    Case('all of the above at once', posters(lambda d: [os.symlink('4.jpg', d/'4.jpg'), (d/'5.jpg').mkdir(),
                                                        os.mkfifo(d/'7.jpg'), (d/'8.jpg').touch()]), 'drop', 4),
    Case('two images for item 1', posters(lambda d: Image.new('RGB', (4, 4)).save(d/'1.png')), 'error',
         'two images for item 1: 1.jpg and 1.png'),
    Case('poster folder is a file', lambda tmp: C.image_files(touch(tmp/'f.jpg')), 'error', 'f.jpg: image folder not found'),
]
if os.geteuid() != 0:  # root reads any file: the case only means something for other users
    POSTERS.append(Case('unreadable 2.jpg (mode 000)', posters(unreadable), 'drop', 1))
else:
    def _noread(d):
        real = os.access
        return mock.patch('os.access', lambda p, m, **k: False if str(p).endswith('2.jpg') else real(p, m, **k))
    def _run_unreadable(tmp):
        with _noread(tmp): return posters(lambda d: None)(tmp)
    POSTERS.append(Case('unreadable 2.jpg (access refused)', _run_unreadable, 'drop', 1))


# --- the CLI ------------------------------------------------------------------------------------------------------
def cli_stats(*lines, extra=()):
    def run(tmp):
        (tmp/'u.data').write_text(''.join(l + '\n' for l in lines))
        (tmp/'u.item').touch()
        return cli('datasets', 'stats', 'ml-100k', '--path', tmp, *extra)
    return run


CLI = [
    Case('recnb datasets stats: rating 99', cli_stats(GOOD, '1\t2\t99\t5'), 'error',
         "u.data:2: field 'rating' must be a decimal number in 1..5"),
    Case('recnb datasets stats: time not a date', cli_stats(GOOD, '1\t2\t3\t99999999999999'), 'error',
         "u.data:2: field 'timestamp' must be an integer in 0..253402300799"),
    Case('recnb datasets stats: id 2**63', cli_stats(GOOD, f'{BIG}\t2\t3\t5'), 'error',
         "u.data:2: field 'user' does not fit a 64-bit integer"),
    Case('recnb datasets stats --on-bad drop', cli_stats(GOOD, f'{BIG}\t2\t3\t5', '1\t2\t99\t5', GOOD,
                                                        extra=('--on-bad', 'drop')), 'drop', 2),
    Case('recnb datasets stats --on-bad drop --json', cli_stats(GOOD, '1\t2\tinf\t5', extra=('--on-bad', 'drop', '--json')),
         'drop', 1),
]

CASES = LOADERS + TEXT + POSTERS + CLI


@pytest.mark.parametrize('case', CASES, ids=[c.name for c in CASES])
def test_bad_input(case):
    kind, detail = outcome(case)
    assert kind == case.kind, f'{case.name}: expected {case.kind}, got {kind}: {detail}'
    if kind == 'error': assert case.expect in detail, f'{case.name}: {detail!r} lacks {case.expect!r}'
    else: assert detail == case.expect, f'{case.name}: dropped {detail}, expected {case.expect}'


def table(cases=CASES) -> str:
    "The suite's summary: tried / clear error / counted drop / silent / raw traceback, per group and in total."
    groups = {'loaders': LOADERS, 'item text': TEXT, 'posters': POSTERS, 'CLI': CLI}
    rows, tot = [], [0] * 5
    for g, cs in groups.items():
        k = [outcome(c)[0] for c in cs]
        r = [len(k), k.count('error'), k.count('drop'), k.count('silent'), k.count('raw')]
        tot = [a + b for a, b in zip(tot, r)]
        rows.append((g, *r))
    rows.append(('total', *tot))
    head = f'{"":<10}{"tried":>7}{"error":>7}{"drop":>7}{"silent":>8}{"raw":>5}'
    return '\n'.join([head] + [f'{g:<10}{a:>7}{b:>7}{c:>7}{d:>8}{e:>5}' for g, a, b, c, d, e in rows])


def test_suite_size_and_no_silent_or_raw():
    assert len(CASES) >= 30
    kinds = [outcome(c)[0] for c in CASES]
    assert kinds.count('silent') == 0 and kinds.count('raw') == 0


if __name__ == '__main__':
    for c in CASES:
        k, d = outcome(c)
        print(f'{k:<7}{c.name:<48}{str(d).strip().splitlines()[-1][:120] if k != "drop" else d}')
    print()
    print(table())
