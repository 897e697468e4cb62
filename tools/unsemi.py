"""Split statements joined with `;` onto their own lines, in notebook code cells (safely: the AST must not change).

Usage: python tools/unsemi.py nbs/X.ipynb [...]
`a = 1; b = 2` becomes two lines at the same indentation; `if x: a; b` (a compound header with its body on the same
line) becomes a header and an indented block. A cell whose syntax tree would change, or which holds IPython magics,
is left as it is and reported.
"""
import ast, io, json, sys, tokenize

_HEADS = ('if ', 'elif ', 'else:', 'for ', 'while ', 'with ', 'try:', 'except', 'finally:', 'def ', 'class ',
          'async ', '@')

def _semis(line:str)->list[int]|None:
    "Columns of the top-level `;` of one physical line (None when the line cannot be tokenized alone)."
    try: toks = list(tokenize.generate_tokens(io.StringIO(line + '\n').readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return None
    depth, out = 0, []
    for t in toks:
        if t.type == tokenize.OP:
            if t.string in '([{': depth += 1
            elif t.string in ')]}': depth -= 1
            elif t.string == ';' and depth == 0: out.append(t.start[1])
    return out if depth == 0 else None

def _header_colon(line:str)->int|None:
    "Column of the colon that ends a compound statement's header (depth 0, not a lambda's)."
    toks = list(tokenize.generate_tokens(io.StringIO(line + '\n').readline))
    depth, lam = 0, 0
    for t in toks:
        if t.type == tokenize.NAME and t.string == 'lambda' and depth == 0: lam += 1
        if t.type == tokenize.OP:
            if t.string in '([{': depth += 1
            elif t.string in ')]}': depth -= 1
            elif t.string == ':' and depth == 0:
                if lam: lam -= 1
                else: return t.start[1]
    return None

def _fix_line(line:str)->list[str]:
    cols = _semis(line)
    if not cols: return [line]
    ind = line[:len(line) - len(line.lstrip())]
    body = line.strip()
    comment = ''
    parts, prev = [], 0
    for c in cols: parts.append(line[prev:c]); prev = c + 1
    parts.append(line[prev:])
    parts = [p.strip() for p in parts]
    if not parts[-1] or parts[-1].startswith('#'):
        if len(cols) == 1: return [line]  # a trailing `;` only (it hides a notebook cell's output): keep it
    if parts[-1].startswith('#'): comment = '  ' + parts.pop()
    elif '#' in parts[-1]:
        toks = list(tokenize.generate_tokens(io.StringIO(parts[-1] + '\n').readline))
        cm = [t for t in toks if t.type == tokenize.COMMENT]
        if cm: parts[-1], comment = parts[-1][:cm[0].start[1]].rstrip(), '  ' + cm[0].string
    parts = [p for p in parts if p]
    if body.startswith(_HEADS) and not body.startswith('@'):
        hc = _header_colon(parts[0])
        if hc is None: return [line]
        head, first = parts[0][:hc + 1], parts[0][hc + 1:].strip()
        if head.startswith(('def ', 'class ', 'async ')) and not first: return [line]
        inner = ind + '    '
        return [ind + head + comment] + [inner + p for p in [first, *parts[1:]] if p]
    out = [ind + p for p in parts]
    out[-1] += comment
    return out

def fix_source(s:str)->str:
    lines = s.split('\n')
    out = []
    for l in lines:
        out.extend(_fix_line(l) if ';' in l and not l.lstrip().startswith(('#', '%', '!')) else [l])
    return '\n'.join(out)

def _same(a:str, b:str)->bool:
    try: return ast.dump(ast.parse(a)) == ast.dump(ast.parse(b))
    except SyntaxError: return False

def fix_nb(path:str)->tuple[int, int]:
    nb = json.load(open(path)); n_fixed, n_skipped = 0, 0
    for c in nb['cells']:
        if c['cell_type'] != 'code': continue
        s = ''.join(c['source'])
        if ';' not in s: continue
        t = fix_source(s)
        if t == s: continue
        if any(l.lstrip().startswith(('%', '!')) for l in s.split('\n')) or not _same(s, t):
            n_skipped += 1; print(f'  left as is (AST would change): {path} cell {c.get("id")}'); continue
        c['source'] = t.splitlines(keepends=True); n_fixed += 1
    json.dump(nb, open(path, 'w'), indent=1, ensure_ascii=False)
    open(path, 'a').write('\n')
    return n_fixed, n_skipped

if __name__ == '__main__':
    for f in sys.argv[1:]: print(f, 'cells fixed / left: %d / %d' % fix_nb(f))
