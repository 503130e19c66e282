"""A small renderer for the subset of Go templates and Sprig functions that deploy/helm/floe uses.

Helm cannot be installed on these machines (no registry serves it), so scripts/image/check-deploy.py renders the
chart with this instead and checks what comes out. It follows Go's text/template rules where the chart relies on
them: {{- and -}} trimming, comments, define/include, if/else if/else, with, range (lists and maps, with variables),
variable scopes, pipelines, parenthesised calls, field chains on . and $ and variables, a missing map key giving
nothing (Helm renders it as an empty string), and a field of nothing being an error (as in Helm). Only the functions
listed in FUNCTIONS exist: a template using another fails here, so a new one has to be added (and checked against
Helm's documentation) before it is used.
"""
import hashlib
import json
import re

import yaml


class TemplateError(Exception):
    pass


class Fail(TemplateError):
    """The template called `fail` or `required`: what Helm reports as an error to the user."""


# ---------------------------------------------------------------------------------------------------------------------
# Lexing and parsing

ACTION = re.compile(r"\{\{(-\s)?(.*?)(\s-)?\}\}", re.S)


def lex(source, name):
    """Splits a template into ('text', str) and ('action', str) pieces, applying the trim markers."""
    pieces = []
    pos = 0
    trim_next = False
    for m in ACTION.finditer(source):
        text = source[pos:m.start()]
        if trim_next:
            text = text.lstrip(" \t\r\n")
        if m.group(1):
            text = text.rstrip(" \t\r\n")
        if text:
            pieces.append(("text", text))
        body = m.group(2).strip()
        if not (body.startswith("/*") and body.endswith("*/")):
            pieces.append(("action", body))
        trim_next = bool(m.group(3))
        pos = m.end()
    text = source[pos:]
    if trim_next:
        text = text.lstrip(" \t\r\n")
    if "{{" in text:
        raise TemplateError(f"{name}: an unclosed '{{{{'")
    if text:
        pieces.append(("text", text))
    return pieces


TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<raw>`[^`]*`)
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<declare>:=)
  | (?P<assign>=)
  | (?P<pipe>\|)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<comma>,)
  | (?P<var>\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)
  | (?P<field>(?:\.[A-Za-z0-9_]+)+|\.)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
""", re.X)


def tokenize(text, where):
    tokens = []
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise TemplateError(f"{where}: cannot read '{text[pos:pos + 20]}'")
        kind = m.lastgroup
        if kind != "ws":
            tokens.append((kind, m.group()))
        pos = m.end()
    return tokens


class Parser:
    def __init__(self, pieces, name):
        self.pieces = pieces
        self.i = 0
        self.name = name
        self.defines = {}

    def parse(self):
        body, stop = self.block(())
        if stop is not None:
            raise TemplateError(f"{self.name}: unexpected {{{{{stop}}}}}")
        return body

    def block(self, stops):
        """Parses nodes until an action whose first word is in stops; returns (nodes, that action or None)."""
        nodes = []
        while self.i < len(self.pieces):
            kind, content = self.pieces[self.i]
            self.i += 1
            if kind == "text":
                nodes.append(("text", content))
                continue
            word = content.split(None, 1)[0] if content else ""
            rest = content[len(word):].strip()
            if word in stops:
                return nodes, content
            if word in ("end", "else"):
                raise TemplateError(f"{self.name}: {{{{{content}}}}} without a block to close")
            if word == "define":
                tokens = tokenize(rest, self.name)
                if len(tokens) != 1 or tokens[0][0] != "string":
                    raise TemplateError(f"{self.name}: define takes one quoted name")
                body, stop = self.block(("end",))
                if stop is None:
                    raise TemplateError(f"{self.name}: define {rest} has no end")
                self.defines[json.loads(tokens[0][1])] = body
            elif word == "if":
                nodes.append(self.parse_if(rest))
            elif word in ("with", "range"):
                body, stop = self.block(("end", "else"))
                if stop is None:
                    raise TemplateError(f"{self.name}: {word} {rest} has no end")
                other = []
                if stop.split()[0] == "else":
                    other, stop = self.block(("end",))
                    if stop is None:
                        raise TemplateError(f"{self.name}: {word} {rest} has no end")
                nodes.append((word, self.pipeline_or_decl(rest), body, other))
            elif word in ("template", "block", "break", "continue"):
                raise TemplateError(f"{self.name}: '{word}' is not supported by this renderer")
            else:
                nodes.append(("action", self.pipeline_or_decl(content)))
        return nodes, None

    def parse_if(self, condition):
        branches = []
        other = []
        while True:
            body, stop = self.block(("end", "else"))
            if stop is None:
                raise TemplateError(f"{self.name}: if {condition} has no end")
            branches.append((self.pipeline_or_decl(condition), body))
            if stop == "end":
                break
            rest = stop[len("else"):].strip()
            if rest.startswith("if "):
                condition = rest[3:].strip()
                continue
            other, stop = self.block(("end",))
            if stop is None:
                raise TemplateError(f"{self.name}: else has no end")
            break
        return ("if", branches, other)

    def pipeline_or_decl(self, text):
        tokens = tokenize(text, self.name)
        # $x := pipeline, $x = pipeline, $i, $v := pipeline (range)
        names = []
        j = 0
        while j + 1 < len(tokens) and tokens[j][0] == "var" and tokens[j + 1][0] in ("declare", "assign", "comma"):
            names.append(tokens[j][1])
            if tokens[j + 1][0] == "comma":
                j += 2
                continue
            op = tokens[j + 1][0]
            return ("decl" if op == "declare" else "set", names, self.parse_pipeline(tokens[j + 2:]))
        return ("pipe", [], self.parse_pipeline(tokens))

    def parse_pipeline(self, tokens):
        # Split on top-level pipes, keeping parenthesised groups whole.
        depth = 0
        commands = []
        group = []
        for tok in tokens:
            if tok[0] == "lparen":
                depth += 1
            elif tok[0] == "rparen":
                depth -= 1
            if tok[0] == "pipe" and depth == 0:
                commands.append(group)
                group = []
            else:
                group.append(tok)
        commands.append(group)
        if depth != 0:
            raise TemplateError(f"{self.name}: unbalanced parentheses")
        return [self.parse_command(c) for c in commands]

    def parse_command(self, tokens):
        if not tokens:
            raise TemplateError(f"{self.name}: an empty command in a pipeline")
        operands = []
        j = 0
        while j < len(tokens):
            kind, value = tokens[j]
            if kind == "lparen":
                depth = 1
                k = j + 1
                while depth:
                    if tokens[k][0] == "lparen":
                        depth += 1
                    elif tokens[k][0] == "rparen":
                        depth -= 1
                    k += 1
                operands.append(("sub", self.parse_pipeline(tokens[j + 1:k - 1])))
                j = k
                continue
            if kind in ("string", "raw", "number", "var", "field", "ident"):
                operands.append((kind, value))
            else:
                raise TemplateError(f"{self.name}: unexpected '{value}'")
            j += 1
        return operands


# ---------------------------------------------------------------------------------------------------------------------
# Evaluation

def truthy(v):
    return not (v is None or v is False or v == 0 and not isinstance(v, bool) and isinstance(v, (int, float))
                or (isinstance(v, (str, list, dict, tuple)) and len(v) == 0))


def empty(v):
    return not truthy(v)


def to_string(v):
    if v is None:
        return ""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (dict, list)):
        raise TemplateError(f"cannot print {type(v).__name__} {v!r} as text (use toYaml or toJson)")
    return str(v)


def go_quote(s):
    return json.dumps(s, ensure_ascii=False)


def go_printf(fmt, *args):
    out = []
    args = list(args)
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%" and i + 1 < len(fmt):
            verb = fmt[i + 1]
            i += 2
            if verb == "%":
                out.append("%")
                continue
            if not args:
                raise TemplateError(f"printf: too few arguments for {fmt!r}")
            a = args.pop(0)
            if verb in "sv":
                out.append(to_string(a))
            elif verb == "d":
                out.append(str(int(a)))
            elif verb == "q":
                out.append(go_quote(to_string(a)))
            else:
                raise TemplateError(f"printf: verb %{verb} is not supported")
            continue
        out.append(c)
        i += 1
    return "".join(out)


def to_yaml(v):
    if v is None:
        return "null"
    return yaml.safe_dump(v, default_flow_style=False, sort_keys=True, width=10000).rstrip("\n")


def indent(n, s):
    pad = " " * int(n)
    return "\n".join(pad + line for line in to_string(s).split("\n"))


def trunc(n, s):
    n = int(n)
    return s[:n] if n >= 0 else s[n:]


def required(message, v):
    if v is None or v == "":
        raise Fail(message)
    return v


def fail(message):
    raise Fail(message)


def dict_(*kv):
    if len(kv) % 2:
        raise TemplateError("dict takes key and value pairs")
    return {to_string(kv[i]): kv[i + 1] for i in range(0, len(kv), 2)}


def and_(*args):
    for a in args:
        if not truthy(a):
            return a
    return args[-1]


def or_(*args):
    for a in args:
        if truthy(a):
            return a
    return args[-1]


def compare(op):
    def check(a, b):
        if type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
            raise TemplateError(f"incompatible types for comparison: {a!r} and {b!r}")
        return op(a, b)
    return check


FUNCTIONS = {
    "and": and_,
    "or": or_,
    "not": lambda v: not truthy(v),
    "eq": lambda a, *bs: any(a == b for b in bs),
    "ne": lambda a, b: a != b,
    "lt": compare(lambda a, b: a < b),
    "le": compare(lambda a, b: a <= b),
    "gt": compare(lambda a, b: a > b),
    "ge": compare(lambda a, b: a >= b),
    "len": lambda v: len(v),
    "printf": go_printf,
    "default": lambda d, *v: v[0] if v and not empty(v[0]) else d,
    "empty": empty,
    "required": required,
    "fail": fail,
    "quote": lambda *vs: " ".join(go_quote(to_string(v)) for v in vs if v is not None),
    "squote": lambda *vs: " ".join("'" + to_string(v) + "'" for v in vs if v is not None),
    "toString": to_string,
    "int": lambda v: int(v),
    "lower": lambda s: to_string(s).lower(),
    "upper": lambda s: to_string(s).upper(),
    "trunc": trunc,
    "trimSuffix": lambda suffix, s: s[:-len(suffix)] if suffix and s.endswith(suffix) else s,
    "trimPrefix": lambda prefix, s: s[len(prefix):] if prefix and s.startswith(prefix) else s,
    "trim": lambda s: to_string(s).strip(),
    "contains": lambda sub, s: sub in s,
    "hasPrefix": lambda prefix, s: s.startswith(prefix),
    "replace": lambda old, new, s: s.replace(old, new),
    "toYaml": to_yaml,
    "toJson": lambda v: json.dumps(v, separators=(",", ":"), sort_keys=True, ensure_ascii=False),
    "sha256sum": lambda s: hashlib.sha256(to_string(s).encode()).hexdigest(),
    "nindent": lambda n, s: "\n" + indent(n, s),
    "indent": indent,
    "ternary": lambda a, b, condition: a if truthy(condition) else b,
    "list": lambda *vs: list(vs),
    "dict": dict_,
    "has": lambda needle, haystack: needle in (haystack or []),
}


class Renderer:
    def __init__(self):
        self.defines = {}

    def add(self, name, source):
        parser = Parser(lex(source, name), name)
        tree = parser.parse()
        for key, body in parser.defines.items():
            if key in self.defines:
                raise TemplateError(f"{name}: template {key!r} is defined twice")
            self.defines[key] = body
        return tree

    def render(self, tree, data):
        out = []
        self.run(tree, data, [{"$": data}], out)
        return "".join(out)

    def include(self, name, data):
        if name not in self.defines:
            raise TemplateError(f"include: no template named {name!r}")
        out = []
        self.run(self.defines[name], data, [{"$": data}], out)
        return "".join(out)

    def run(self, nodes, dot, scopes, out):
        for node in nodes:
            kind = node[0]
            if kind == "text":
                out.append(node[1])
            elif kind == "action":
                value = self.execute(node[1], dot, scopes)
                if value is not _NOTHING:
                    out.append(to_string(value))
            elif kind == "if":
                for condition, body in node[1]:
                    scopes.append({})
                    try:
                        if truthy(self.execute(condition, dot, scopes, keep=True)):
                            self.run(body, dot, scopes, out)
                            break
                    finally:
                        scopes.pop()
                else:
                    scopes.append({})
                    self.run(node[2], dot, scopes, out)
                    scopes.pop()
            elif kind == "with":
                scopes.append({})
                value = self.execute(node[1], dot, scopes, keep=True)
                if truthy(value):
                    self.run(node[2], value, scopes, out)
                else:
                    self.run(node[3], dot, scopes, out)
                scopes.pop()
            elif kind == "range":
                mode, names, pipeline = node[1]
                collection = self.evaluate(pipeline, dot, scopes)
                if isinstance(collection, dict):
                    items = [(k, collection[k]) for k in sorted(collection)]
                elif isinstance(collection, (list, tuple)):
                    items = list(enumerate(collection))
                elif collection is None:
                    items = []
                elif isinstance(collection, int):
                    items = [(i, i) for i in range(collection)]
                else:
                    raise TemplateError(f"range over {collection!r}")
                if not items:
                    scopes.append({})
                    self.run(node[3], dot, scopes, out)
                    scopes.pop()
                for key, item in items:
                    scope = {}
                    if len(names) == 1:
                        scope[names[0]] = item
                    elif len(names) == 2:
                        scope[names[0]], scope[names[1]] = key, item
                    scopes.append(scope)
                    self.run(node[2], item, scopes, out)
                    scopes.pop()
            else:
                raise TemplateError(f"unknown node {kind}")

    def execute(self, action, dot, scopes, keep=False):
        mode, names, pipeline = action
        value = self.evaluate(pipeline, dot, scopes)
        if mode == "decl":
            scopes[-1][names[-1]] = value
            return value if keep else _NOTHING
        if mode == "set":
            for scope in reversed(scopes):
                if names[-1] in scope:
                    scope[names[-1]] = value
                    break
            else:
                raise TemplateError(f"assignment to undeclared {names[-1]}")
            return value if keep else _NOTHING
        return value

    def evaluate(self, pipeline, dot, scopes):
        value = _NOTHING
        for command in pipeline:
            value = self.command(command, dot, scopes, value)
        return value

    def command(self, operands, dot, scopes, piped):
        head_kind, head = operands[0]
        if head_kind == "ident" and head not in ("true", "false", "nil"):
            args = [self.operand(o, dot, scopes) for o in operands[1:]]
            if piped is not _NOTHING:
                args.append(piped)
            if head == "include":
                if len(args) != 2:
                    raise TemplateError("include takes a name and a value")
                return self.include(args[0], args[1])
            if head not in FUNCTIONS:
                raise TemplateError(f"function {head!r} is not known to this renderer")
            try:
                return FUNCTIONS[head](*args)
            except (TemplateError, Fail):
                raise
            except Exception as e:  # wrong arguments and the like: report them as template errors
                raise TemplateError(f"{head}: {e}") from e
        if len(operands) != 1 or piped is not _NOTHING:
            raise TemplateError(f"cannot call {head!r}: it is not a function")
        return self.operand(operands[0], dot, scopes)

    def operand(self, operand, dot, scopes):
        kind, value = operand
        if kind == "string":
            return json.loads(value)
        if kind == "raw":
            return value[1:-1]
        if kind == "number":
            return float(value) if "." in value else int(value)
        if kind == "ident":
            return {"true": True, "false": False, "nil": None}.get(value) if value in ("true", "false", "nil") \
                else FUNCTIONS[value]() if value in FUNCTIONS else self.fail_ident(value)
        if kind == "sub":
            return self.evaluate(value, dot, scopes)
        if kind == "field":
            return dot if value == "." else self.fields(dot, value[1:].split("."), value)
        if kind == "var":
            name, *chain = value.split(".")
            for scope in reversed(scopes):
                if name in scope:
                    return self.fields(scope[name], chain, value) if chain else scope[name]
            raise TemplateError(f"undefined variable {name}")
        raise TemplateError(f"unexpected operand {value!r}")

    @staticmethod
    def fail_ident(value):
        raise TemplateError(f"function {value!r} is not known to this renderer")

    @staticmethod
    def fields(value, chain, text):
        for name in chain:
            if value is None:
                raise TemplateError(f"nil pointer evaluating {text}")
            if not isinstance(value, dict):
                raise TemplateError(f"can't evaluate field {name} in {text} (not a map)")
            value = value.get(name)
        return value


class _Nothing:
    pass


_NOTHING = _Nothing()
