"""Binding values into SPARQL query text, for stores that take no substitutions.

The local store hands bound values to pyoxigraph as substitutions (SEP-0007): the variable
stands for the value in the query's own scope, in every group, FILTER and EXISTS of it, and in
each sub-select that projects the variable (a sub-select that does not project it has a
variable of its own by that name). A remote SPARQL endpoint takes only text, so
`bind_variables` writes each value into the query in those same places, as an RDF term
written by pyoxigraph: a value is never query text.

Where SPARQL allows no term, the text is rewritten:

- a bare `?x` in the outer SELECT becomes `(term AS ?x)`; in a sub-select's projection it is
  dropped (the outer query has the term in its place already);
- `(expr AS ?x)` in a projection is rewritten in the same way, and the rows kept are those
  whose `expr` is the term or has no value, as with a substitution
  (`FILTER(COALESCE(sameTerm(expr, term), true))` closing the WHERE group), unless the
  projection aggregates;
- `BOUND(?x)` becomes `true` (pyoxigraph agrees wherever a pattern could bind ?x; where none
  can, its optimiser folds `BOUND(?x)` to false before the value is seen);
- `?x` as a GROUP BY or ORDER BY condition becomes `COALESCE(term)` (rdflib cannot group by a
  bracketed constant);
- `SELECT *` (outer query only) gets `BIND(term AS ?x)` closing its WHERE clause.

The rest raise QueryError rather than give a query that means something else: `?x` assigned
by BIND or GROUP BY `AS`, named in VALUES, bound in an aggregating projection, in a sub-select
`SELECT *`, or as all a sub-select projects; a literal where only an IRI can be (GRAPH,
SERVICE); a SELECT that does not project a bound variable (pyoxigraph refuses it too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError
from .requests import encode_bindings, term_to_ox
from .screen import lex

Term = ox.NamedNode | ox.Literal

_AGGREGATES = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"}
_CLAUSES = {"GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"}
_IRI_ONLY = {"GRAPH", "SERVICE"}


def bind_variables(query: str, bindings: Mapping[str, Any]) -> str:
    """The query with each variable of `bindings` bound to its value in the text, so that it
    gives the rows pyoxigraph gives with the values as substitutions.

    Values are pyoxigraph terms, or what kg.store.Store.select takes (rdflib terms, str,
    numbers); names may start with `?` or `$`. QueryError when a variable is somewhere its
    value cannot be written (see the module's documentation).
    """
    for name, value in bindings.items():
        if isinstance(value, ox.NamedNode | ox.Literal):
            var, term = encode_bindings({name: ""})[0][0], value  # the name checked alone
        else:
            (var, tagged), = encode_bindings({name: value})
            try:
                term = term_to_ox(tagged)
            except ValueError as exc:  # pyoxigraph checks IRIs
                raise QueryError(f"?{var}: not an IRI: {exc}") from None
        query = _bind_one(query, var, term)
    return query


# --- structure: the scopes of SELECT and their parts -------------------------------------------


@dataclass
class _Scope:
    """The outer query or one sub-select: the tokens from its form keyword to its end."""

    start: int
    end: int  # exclusive
    parent: _Scope | None
    select: bool = False
    projection: range = range(0)
    star: bool = False
    where: tuple[int, int] | None = None  # its WHERE group's braces
    # modifier tokens: the clause they are in and whether they are outside brackets
    clause_of: dict[int, tuple[str, bool]] = field(default_factory=dict)


class _Query:
    """Tokens with their brackets matched and each token's innermost scope."""

    def __init__(self, query: str) -> None:
        self.tokens = lex(query)
        self.sig = [i for i, t in enumerate(self.tokens) if t.kind not in ("ws", "comment")]
        self.pos = {i: k for k, i in enumerate(self.sig)}
        self.match: dict[int, int] = {}
        self.depth: dict[int, int] = {}  # brace depth before each significant token
        stack: list[int] = []
        braces = 0
        for i in self.sig:
            text = self.tokens[i].text if self.tokens[i].kind == "punct" else ""
            self.depth[i] = braces
            if text in ("{", "("):
                stack.append(i)
                braces += text == "{"
            elif text in ("}", ")"):
                opening = "{" if text == "}" else "("
                if not stack or self.tokens[stack[-1]].text != opening:
                    raise QueryError(f"unbalanced {text!r} in the query")
                j = stack.pop()
                self.match[i], self.match[j] = j, i
                braces -= text == "}"
        if stack:
            raise QueryError(f"unclosed {self.tokens[stack[-1]].text!r} in the query")
        self.scopes = self._scopes()
        self.owner: list[_Scope] = [self.scopes[0]] * len(self.tokens)
        for scope in self.scopes[1:]:  # inner scopes start later and overwrite
            for i in range(scope.start, scope.end):
                self.owner[i] = scope

    def next(self, i: int) -> int | None:
        k = self.pos[i] + 1 if i in self.pos else None
        return self.sig[k] if k is not None and k < len(self.sig) else None

    def prev(self, i: int) -> int | None:
        k = self.pos[i] - 1 if i in self.pos else None
        return self.sig[k] if k is not None and k >= 0 else None

    def text(self, i: int | None) -> str:
        return "" if i is None else self.tokens[i].text

    def word(self, i: int | None) -> str:
        return "" if i is None else self.tokens[i].word

    def _scopes(self) -> list[_Scope]:
        forms = [i for i in self.sig
                 if self.word(i) in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
                 and self.depth[i] == 0]
        if not forms:
            raise QueryError("not a SELECT, ASK, CONSTRUCT or DESCRIBE query")
        top = _Scope(0, len(self.tokens), None)
        scopes = [top]
        self._shape(top, forms[0])
        for i in self.sig:
            if self.word(i) != "SELECT" or self.depth[i] == 0:
                continue
            opening = self.prev(i)
            if self.text(opening) != "{":
                raise QueryError("a SELECT that is not a sub-select's group")
            assert opening is not None
            parent = next(s for s in reversed(scopes) if s.start <= i < s.end)
            scope = _Scope(i, self.match[opening], parent)
            self._shape(scope, i)
            scopes.append(scope)
        return scopes

    def _shape(self, scope: _Scope, form: int) -> None:
        """Find the scope's projection, WHERE group and solution modifiers."""
        keyword = self.word(form)
        i = self.next(form)
        if keyword == "SELECT":
            scope.select = True
            if self.word(i) in ("DISTINCT", "REDUCED"):
                i = self.next(i)
            first = i
            while i is not None and self.text(i) != "{" and self.word(i) not in ("WHERE",
                                                                                 "FROM"):
                scope.star |= self.text(i) == "*"
                i = self.next(self.match[i]) if self.text(i) == "(" else self.next(i)
            scope.projection = range(first if first is not None else scope.end,
                                     i if i is not None else scope.end)
        elif keyword == "CONSTRUCT" and self.text(i) == "{":
            i = self.next(self.match[i])  # the template
        while i is not None and i < scope.end and self.text(i) != "{":
            i = self.next(i)
        if i is None or i >= scope.end:
            if scope.select:
                raise QueryError("a SELECT without a WHERE clause")
            return  # DESCRIBE without a pattern
        scope.where = (i, self.match[i])
        clause, depth = "", 0
        j = self.next(self.match[i])
        while j is not None and j < scope.end:
            word, text = self.word(j), self.text(j)
            if depth == 0 and word in _CLAUSES:
                clause = word
            elif text in ("(", "{"):
                depth += 1
            elif text in (")", "}"):
                depth -= 1
            scope.clause_of[j] = (clause, depth == 0 and text not in (")", "}"))
            j = self.next(j)


# --- binding one variable -----------------------------------------------------------------------


def _bind_one(query: str, name: str, term: Term) -> str:
    q = _Query(query)
    value = str(term)
    literal = isinstance(term, ox.Literal)
    bound = [q.scopes[0]]
    for scope in q.scopes[1:]:
        if scope.parent not in bound:
            continue
        if scope.star:
            if any(q.tokens[i].is_var(name) for i in range(scope.start, scope.end)
                   if q.owner[i] is scope):
                raise QueryError(f"cannot bind ?{name} in a sub-select SELECT *")
            continue
        if any(_projected(q, item, name) for item in _items(q, scope)):
            bound.append(scope)
    edits: dict[int, str] = {}
    inserts: dict[int, str] = {}
    for scope in bound:
        _bind_scope(q, scope, name, value, literal, edits, inserts)
    return "".join(inserts.get(i, "") + edits.get(i, t.text) for i, t in enumerate(q.tokens))


def _items(q: _Query, scope: _Scope) -> list[tuple[int, int]]:
    """The projection's items: (first, last) token of a variable or a bracketed expression."""
    out = []
    for i in scope.projection:
        if i not in q.pos or q.owner[i] is not scope:
            continue
        if out and i <= out[-1][1]:
            continue
        out.append((i, q.match.get(i, i)))
    return out


def _projected(q: _Query, item: tuple[int, int], name: str) -> bool:
    first, last = item
    return q.tokens[first].is_var(name) or (first != last and _as_target(q, item) == name)


def _as_target(q: _Query, item: tuple[int, int]) -> str | None:
    first, last = item
    var = q.prev(last)
    if var is not None and q.tokens[var].kind == "var" and q.word(q.prev(var)) == "AS":
        return q.text(var)[1:]
    return None


def _bind_scope(q: _Query, scope: _Scope, name: str, value: str, literal: bool,
                edits: dict[int, str], inserts: dict[int, str]) -> None:
    outer = scope.parent is None
    if scope.select:
        items = _items(q, scope)
        kept = len(items)
        for first, last in items:
            if q.tokens[first].is_var(name):
                edits[first] = f"({value} AS ?{name})" if outer else ""
                kept -= 0 if outer else 1
            elif first != last and _as_target(q, (first, last)) == name:
                _check_not_aggregated(q, scope, name)
                as_word = q.prev(q.prev(last))
                assert as_word is not None
                expr = _rewritten(q, scope, range(first + 1, as_word), name, value, literal)
                where = scope.where
                assert where is not None
                inserts[where[1]] = (inserts.get(where[1], "")
                                     + f" FILTER(COALESCE(sameTerm({expr.strip()}, {value}),"
                                     " true)) ")
                for i in range(first, last + 1):
                    edits[i] = ""
                if outer:
                    edits[first] = f"({value} AS ?{name})"
                else:
                    kept -= 1
            else:
                edits.update(_edits(q, scope, range(first, last + 1), name, value, literal))
        if not outer and kept == 0:
            raise QueryError(f"cannot bind ?{name}: a sub-select projects nothing else")
        if outer and scope.star and scope.where is not None:
            inserts[scope.where[1]] = f" BIND({value} AS ?{name}) "
        elif outer and not any(_projected(q, item, name) for item in items):
            raise QueryError(f"?{name} is bound but not in the SELECT projection")
    rest = range(scope.start, scope.end)
    edits.update(_edits(q, scope, rest, name, value, literal, skip=scope.projection))


def _check_not_aggregated(q: _Query, scope: _Scope, name: str) -> None:
    aggregated = any(c in ("GROUP", "HAVING") for c, _ in scope.clause_of.values()) or any(
        q.word(i) in _AGGREGATES for i in scope.projection if q.owner[i] is scope)
    if aggregated:
        raise QueryError(f"cannot bind ?{name}: an aggregating projection assigns it")


def _rewritten(q: _Query, scope: _Scope, tokens: range, name: str, value: str,
               literal: bool) -> str:
    edits = _edits(q, scope, tokens, name, value, literal)
    return "".join(edits.get(i, q.tokens[i].text) for i in tokens)


def _edits(q: _Query, scope: _Scope, tokens: range, name: str, value: str, literal: bool,
           skip: range = range(0)) -> dict[int, str]:
    """Each occurrence of ?name among `tokens` that `scope` owns, written as the term."""
    edits: dict[int, str] = {}
    for i in tokens:
        if i in skip or q.owner[i] is not scope or not q.tokens[i].is_var(name):
            continue
        before, after = q.prev(i), q.next(i)
        if q.word(before) == "AS":
            raise QueryError(f"cannot bind ?{name}: the query assigns it (AS ?{name})")
        if _in_values_header(q, i):
            raise QueryError(f"cannot bind ?{name}: the query lists its values (VALUES)")
        if literal and q.word(before) in _IRI_ONLY:
            raise QueryError(f"cannot bind ?{name} to a literal: it names a graph or service")
        clause, bare = scope.clause_of.get(i, ("", False))
        if (q.text(before) == "(" and q.word(q.prev(before)) == "BOUND"
                and q.text(after) == ")"):
            bound_word = q.prev(before)
            assert bound_word is not None and after is not None
            edits.update({bound_word: "true", before: "", i: "", after: ""})
        elif bare and clause in ("GROUP", "ORDER"):
            edits[i] = f"COALESCE({value})"
        else:
            edits[i] = value
    return edits


def _in_values_header(q: _Query, i: int) -> bool:
    j = q.prev(i)
    while j is not None and q.tokens[j].kind == "var":
        j = q.prev(j)
    if q.text(j) == "(":
        j = q.prev(j)
    return q.word(j) == "VALUES"
