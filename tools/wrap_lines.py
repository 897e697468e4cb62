"""Wrap code lines longer than 110 characters at commas inside brackets, in notebook code cells.

Usage: python tools/wrap_lines.py nbs/X.ipynb [...] [--max 110]
A long line is broken after the last comma (inside a bracket, outside strings) that keeps the first part within the
limit; the rest continues aligned with the bracket. Lines that only a comment or a string makes long are left as
they are. A cell is changed only if its syntax tree stays exactly the same.
"""
import ast, io, json, sys, tokenize

def _break_once(src:str, mx:int)->str|None:
    lines = src.split('\n')
    try: toks = list(tokenize.generate_tokens(io.StringIO(src + '\n').readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return None
    code_end = {}  # row -> end column of its last code token (a trailing comment does not count)
    for t in toks:
        if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            code_end[t.end[0]] = max(code_end.get(t.end[0], 0), t.end[1])
    close, st = {}, []  # open bracket position -> its closing position
    for t in toks:
        if t.type == tokenize.OP and t.string in '([{': st.append(t.start)
        elif t.type == tokenize.OP and t.string in ')]}' and st: close[st.pop()] = t.start
    def short(pos): return close.get(pos, (0, 0))[0] == pos[0] and close[pos][1] - pos[1] < 30
    stack, cands, prev = [], {}, None
    for i, t in enumerate(toks):
        if t.type == tokenize.OP and t.string in '([{':
            sub = t.string == '[' and prev is not None and (prev.type in (tokenize.NAME, tokenize.STRING)
                                                             or prev.string in (')', ']'))
            stack.append([t.start, sub or short(t.start), False])
        elif t.type == tokenize.OP and t.string in ')]}': stack and stack.pop()
        elif t.type == tokenize.NAME and t.string in ('for', 'lambda') and stack: stack[-1][2] = True
        elif stack and ((t.type == tokenize.NAME and t.string == 'in') or (t.type == tokenize.OP and t.string == ':')):
            stack[-1][2] = False  # the end of a comprehension target or of a lambda's parameters
        elif t.type == tokenize.OP and t.string == ',' and stack and not any(sb or tg for _, sb, tg in stack):
            r, c = t.start
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            ok = nxt is not None and nxt.start[0] == r and nxt.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE)
            if ok and code_end.get(r, 0) > mx and c + 1 <= mx:
                (br, bc), _, _ = stack[-1]
                ind = bc + 1 if br == r else len(lines[r - 1]) - len(lines[r - 1].lstrip())
                cands.setdefault(r, []).append((-len(stack), c, ind))
        if t.type not in (tokenize.NL, tokenize.COMMENT): prev = t
    for r, cs in cands.items():
        _, c, ind = max(cs)
        line = lines[r - 1]
        rest = line[c + 1:].lstrip()
        if ind + len(rest) >= len(line): continue  # no progress
        lines[r - 1:r] = [line[:c + 1], ' ' * ind + rest]
        return '\n'.join(lines)
    return None

def wrap_source(s:str, mx:int=110)->str:
    for _ in range(200):
        t = _break_once(s, mx)
        if t is None: return s
        s = t
    return s

def _tree(s:str):
    body = '\n'.join(l for l in s.split('\n'))
    try: return ast.dump(ast.parse(body))
    except SyntaxError: return None

def wrap_nb(path:str, mx:int=110)->tuple[int, int]:
    nb = json.load(open(path)); n, left = 0, 0
    for c in nb['cells']:
        if c['cell_type'] != 'code': continue
        s = ''.join(c['source'])
        if not any(len(l) > mx for l in s.split('\n')): continue
        if any(l.lstrip().startswith(('%', '!')) for l in s.split('\n')): continue
        t = wrap_source(s, mx)
        if t != s and _tree(t) is not None and _tree(t) == _tree(s):
            c['source'] = t.splitlines(keepends=True)
            n += 1
        left += sum(len(l) > mx for l in c['source'] if True for l in [l.rstrip('\n')])
    json.dump(nb, open(path, 'w'), indent=1, ensure_ascii=False)
    open(path, 'a').write('\n')
    return n, left

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    mx = int(sys.argv[sys.argv.index('--max') + 1]) if '--max' in sys.argv else 110
    if '--max' in sys.argv: args.remove(str(mx))
    for f in args: print(f, 'cells wrapped / long lines left: %d / %d' % wrap_nb(f, mx))
