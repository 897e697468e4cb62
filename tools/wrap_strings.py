"""Split string literals that make a code line longer than 110 characters, in notebook code cells.

Usage: python tools/wrap_strings.py nbs/X.ipynb [...] [--max 110]
A one-line string literal inside brackets that crosses the limit is cut at a space into two adjacent literals
with the same prefix and quotes (Python joins adjacent literals when it parses them, f-strings included), the
second continuing on the next line under the first. A cut never falls inside an f-string's replacement field.
A cell is changed only if its syntax tree stays exactly the same.
"""
import ast, io, json, re, sys, tokenize

def _parts(tok:str):
    "(prefix, quote, body) of a one-line literal, or None for triple-quoted ones."
    m = re.match(r'([rRbBfFuU]*)(\'|")(.*)\2$', tok, re.S)
    return None if m is None or tok[len(m.group(1)):].startswith(m.group(2) * 3) else m.groups()

def _cut(body:str, fstr:bool, limit:int)->int|None:
    "Index in `body` after which to cut (a space, outside {...} of an f-string), as late as fits `limit`."
    depth, best, i = 0, None, 0
    while i < len(body):
        c = body[i]
        if fstr and body[i:i + 2] in ('{{', '}}'): i += 2; continue
        if fstr and c == '{': depth += 1
        elif fstr and c == '}': depth -= 1
        elif c == '\\': i += 2; continue
        elif c == ' ' and depth == 0 and 20 <= i + 1 <= limit: best = i + 1
        i += 1
    return best

def _wrap_once(src:str, mx:int)->str|None:
    try: toks = list(tokenize.generate_tokens(io.StringIO(src + '\n').readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return None
    lines, depth = src.split('\n'), 0
    for t in toks:
        if t.type == tokenize.OP and t.string in '([{': depth += 1
        elif t.type == tokenize.OP and t.string in ')]}': depth -= 1
        if t.type != tokenize.STRING or depth == 0 or t.start[0] != t.end[0]: continue
        row, (c0, c1) = t.start[0] - 1, (t.start[1], t.end[1])
        if len(lines[row]) <= mx or c1 <= mx - 8 and len(lines[row]) - c1 < 20: continue
        p = _parts(t.string)
        if p is None: continue
        pre, q, body = p
        head = c0 + len(pre) + 1  # column of the body's first character
        k = _cut(body, 'f' in pre.lower(), mx - head - 1)
        if k is None or k >= len(body): continue
        new = f'{pre}{q}{body[:k]}{q}\n{" " * c0}{pre}{q}{body[k:]}{q}'
        lines[row] = lines[row][:c0] + new + lines[row][c1:]
        return '\n'.join(lines)
    return None

def wrap(src:str, mx:int=110)->str:
    "The cell with its long string literals split (unchanged when its syntax tree would change)."
    try: tree = ast.dump(ast.parse(src))
    except SyntaxError: return src
    out = src
    for _ in range(200):
        nxt = _wrap_once(out, mx)
        if nxt is None: break
        try:
            if ast.dump(ast.parse(nxt)) != tree: break
        except SyntaxError: break
        out = nxt
    return out

def main(args):
    mx = int(args[args.index('--max') + 1]) if '--max' in args else 110
    for f in [a for a in args if a.endswith('.ipynb')]:
        nb, n = json.load(open(f)), 0
        for c in nb['cells']:
            if c['cell_type'] != 'code': continue
            src = ''.join(c['source'])
            if src.lstrip().startswith('%') or '\n%' in src or src.startswith('!'): continue
            new = wrap(src, mx)
            if new != src:
                c['source'] = [l + '\n' for l in new.split('\n')[:-1]] + [new.split('\n')[-1]]
                n += 1
        if n:
            with open(f, 'w') as fh: json.dump(nb, fh, indent=1, ensure_ascii=False)
            fh = open(f, 'a'); fh.write('\n'); fh.close()
        print(f'{f}: {n} cells changed')

if __name__ == '__main__': main(sys.argv[1:])
