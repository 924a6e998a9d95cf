"""A request's document checked as Strawberry's limit extensions would, each distinct document
parsed and validated once per schema and found again by its text.

Strawberry's `ParserCache` and `ValidationCache` together with `MaxTokensLimiter` and
`AddValidationRules` were four extensions, each made afresh and consulted at each step of
every request; and `ValidationCache` keys its cache by the parsed document, whose hash walks
the whole tree on every request. Here one extension does the four things, keyed by the
query's own text (a string keeps its hash), so a document seen before costs one lookup.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from graphql import ASTValidationRule, DocumentNode
from strawberry.extensions import SchemaExtension


class Documents:
    """Documents that parsed and passed validation, by their text; the least recently used
    is forgotten past `maxsize`, so unique query texts cannot grow memory without limit."""

    def __init__(self, maxsize: int) -> None:
        self._maxsize = maxsize
        self._known: OrderedDict[str, DocumentNode] = OrderedDict()

    def get(self, text: str | None) -> DocumentNode | None:
        if text is None or (found := self._known.get(text)) is None:
            return None
        self._known.move_to_end(text)
        return found

    def keep(self, text: str, document: DocumentNode) -> None:
        self._known[text] = document
        if len(self._known) > self._maxsize:
            self._known.popitem(last=False)


class DocumentChecks(SchemaExtension):
    """At most `max_tokens` tokens and the schema's own validation `rules` on top of the
    specified ones, as `MaxTokensLimiter` and `AddValidationRules` set them. A document seen
    before is neither parsed nor validated again: its validation depends only on its text and
    the rules, the same for every request to this schema. A document that fails either step
    is not kept, so its errors are found afresh each time."""

    def __init__(
        self, documents: Documents, rules: tuple[type[ASTValidationRule], ...], max_tokens: int
    ) -> None:
        self.documents = documents
        self.rules = rules
        self.max_tokens = max_tokens
        self.known = False

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = self.max_tokens
        context.validation_rules = context.validation_rules + self.rules
        yield

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        document = self.documents.get(context.query)
        if document is not None:
            context.graphql_document = document  # Strawberry then does not parse it
            self.known = True
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if self.known:
            context.pre_execution_errors = []  # Strawberry then does not validate it
        yield
        document, query = context.graphql_document, context.query
        passed = context.pre_execution_errors == []
        if passed and not self.known and query is not None and document is not None:
            self.documents.keep(query, document)
