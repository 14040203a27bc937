"""The reference pages of the documentation site, written from the client itself (an MkDocs hook).

``mkdocs.yml`` loads this module as a hook. It adds to the site, without any file on disk:

- ``index.md``: the README, its ``docs/...`` links pointed at the pages beside it;
- ``reference/<group>.md``: one page per product module in ``contiguity_ext/resources/``,
  listing every method of the client's operation table that lives there with its signature,
  parameters, return model, errors and a runnable example;
- ``reference/api.md``: every name of ``contiguity_ext.__all__`` and every public module, through
  mkdocstrings;
- ``reference/models.md``: the generated models, through mkdocstrings.

A new operation, group or public name therefore appears on the site with no edit here. After
the build it checks that every public name and every model has its own anchor in the site, and
warns (an error under ``mkdocs build --strict``) about any that has none.

The examples are built from the spec's examples for the method's required parameters, except
for the few methods whose arguments the spec cannot describe (:data:`EXAMPLES`); the test suite
runs every one of them against a mock of the API.
"""

from __future__ import annotations

import functools
import html
import importlib
import inspect
import json
import logging
import pkgutil
import re
import types
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import contiguity_ext
import contiguity_ext.types
from contiguity_ext import _spec
from contiguity_ext._operation_table import ClientMethod, operation_table
from contiguity_ext.errors import error_class_for_status

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.plugins.contiguity")

# Per-call options every operation takes; documented once per page, not per method.
PER_CALL_OPTIONS = frozenset({"timeout", "max_retries", "extra_headers", "extra_query", "extra_body"})

_INCOMING_TEXT = (
    '{"id": "evt_1", "type": "text.incoming.sms", "timestamp": 1764400000, "api_version": "v2026.8.2",'
    ' "data": {"from": "+15555555555", "to": "+15555550100", "body": "hi", "timestamp": 1764400000}}'
)
_INCOMING_IMESSAGE = (
    '{"id": "evt_2", "type": "imessage.incoming", "timestamp": 1764400000, "api_version": "v2026.8.2",'
    ' "data": {"from": "+15555555555", "to": "+15555550100", "body": "hi", "timestamp": 1764400000,'
    ' "attachments": []}}'
)

EXAMPLES: dict[str, str] = {
    # Replies take a webhook event, which the spec describes as a webhook, not as an argument.
    "text.reply": f"event = contiguity.webhooks.parse_event(b'{_INCOMING_TEXT}')\n"
    'result = client.text.reply(event, "Thanks, we got your message!")',
    "imessage.reply": f"event = contiguity.webhooks.parse_event(b'{_INCOMING_IMESSAGE}')\n"
    'result = client.imessage.reply(event, "Thanks!")',
    "whatsapp.reply": f"event = contiguity.webhooks.parse_event(b'{_INCOMING_TEXT}')\n"
    'result = client.whatsapp.reply(event, "Thanks!")',
    # The URL comes from a PermissionDeniedError's agreement_url.
    "agreements.accept": 'result = client.agreements.accept("https://api.contiguity.com/entitlements/fast_track")',
    # Polls: in real use leave interval and timeout at their defaults (20 s, 10 min).
    "otp.reverse.wait": 'result = client.otp.reverse.wait("r_otp_abc", timeout=0)',
}


# ---- what the site documents ----------------------------------------------------------------


@functools.cache
def client() -> contiguity_ext.Contiguity:
    """A client to read methods from; it never sends."""
    import httpx

    def refuse(_request: httpx.Request) -> httpx.Response:
        raise RuntimeError("the documentation's client never sends")

    return contiguity_ext.login("docs", http_client=httpx.Client(transport=httpx.MockTransport(refuse)))


def groups() -> dict[str, list[ClientMethod]]:
    """Product module name (``"text"``) → its methods: modules in the spec's tag order, the
    original SDK's surface last; methods in the order their class declares them."""
    found: dict[str, list[ClientMethod]] = {}
    for method in operation_table():
        found.setdefault(method.resource.__module__.rpartition(".")[2], []).append(method)
    for methods in found.values():
        methods.sort(key=_declared_order)
    tags = [tag["name"] for tag in _spec.document().get("tags", [])]
    return dict(sorted(found.items(), key=lambda item: tags.index(item[0]) if item[0] in tags else len(tags)))


def _declared_order(method: ClientMethod) -> tuple[int, int]:
    """Sub-groups after their parent, each in the order its class declares its methods."""
    declared = [name for cls in reversed(method.resource.__mro__) for name in vars(cls)]
    name = method.name if method.name in declared else "_" + method.name
    return len(method.group), declared.index(name) if name in declared else len(declared)


def page_title(methods: list[ClientMethod]) -> str:
    """``client.text``, or every top-level group on the page (``client.entitlements, client.agreements``)."""
    return ", ".join(dict.fromkeys(f"client.{method.group[0]}" for method in methods))


def local_objects(group: str) -> list[tuple[str, type]]:
    """(attribute, class) of the client's helpers that live in ``group``'s module but send nothing."""
    module = f"contiguity_ext.resources.{group}"
    return [
        (attribute, type(value))
        for attribute, value in vars(client()).items()
        if not attribute.startswith("_")
        and type(value).__module__ == module
        and not hasattr(value, "_context")
    ]


# ---- one method -----------------------------------------------------------------------------


def signature(method: ClientMethod) -> inspect.Signature:
    """The method's signature, with ``**criteria: Unpack[SomeTypedDict]`` spelled out key by key."""
    bound = method.bind(client())
    try:
        found = inspect.signature(bound, eval_str=True)
    except NameError:
        found = inspect.signature(bound)
    listed: list[inspect.Parameter] = []
    for parameter in found.parameters.values():
        keys = _typed_dict(parameter.annotation) if parameter.kind is parameter.VAR_KEYWORD else None
        if keys is None or parameter.name.startswith("_"):
            listed.append(parameter)
            continue
        optional: frozenset[str] = getattr(keys, "__optional_keys__", frozenset())
        for key, hint in typing.get_type_hints(keys).items():
            default = ... if key in optional else inspect.Parameter.empty
            listed.append(
                inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=hint)
            )
    return found.replace(parameters=listed)


def _typed_dict(annotation: object) -> type | None:
    """``SomeTypedDict`` from ``Unpack[SomeTypedDict]`` (or its unevaluated string)."""
    if isinstance(annotation, str):
        match = re.fullmatch(r"Unpack\[(\w+)\]", annotation)
        found = getattr(contiguity_ext.types, match.group(1), None) if match else None
        return found if isinstance(found, type) else None
    arguments = typing.get_args(annotation)
    return arguments[0] if arguments and isinstance(arguments[0], type) else None


def _short(annotation: object) -> str:
    """An annotation as a reader wants it: ``MessageSentResponse``, not its module path."""
    if annotation is inspect.Parameter.empty:
        return ""
    text = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)
    text = re.sub(r"\b(?!httpx\.)(?:[a-z_][\w]*\.)+(?=[A-Za-z_])", "", text)
    return text.replace("NoneType", "None")


def parameters(method: ClientMethod) -> list[inspect.Parameter]:
    return [
        parameter
        for parameter in signature(method).parameters.values()
        if parameter.name not in PER_CALL_OPTIONS and not parameter.name.startswith("_")
    ]


def _argument_docs(method: ClientMethod) -> dict[str, str]:
    """Each parameter's description: the method docstring's ``Args:`` section, else the spec's."""
    found: dict[str, str] = {}
    doc = inspect.getdoc(method.bind(client())) or ""
    match = re.search(r"^Args:\n(.*?)(?:^\S|\Z)", doc, re.MULTILINE | re.DOTALL)
    if match:
        current = None
        for line in match.group(1).splitlines():
            entry = re.match(r"^    (\*{0,2}\w+)(?: \([^)]*\))?: (.*)", line)
            if entry:
                current = entry.group(1).lstrip("*")
                found[current] = entry.group(2).strip()
            elif current and line.strip():
                found[current] += " " + line.strip()
    found.setdefault("body", "The request body, as its model or a mapping of the same fields.")
    params = signature(method).parameters.get("params")
    if params is not None and isinstance(params.annotation, type):
        name = params.annotation.__name__
        found["params"] = (
            f"The original SDK's dictionary, a [`{name}`][{params.annotation.__module__}.{name}]: "
            "the request body's fields under their wire names."
        )
    operation = method.operation
    if operation is not None:
        for wire, description in _spec_descriptions(operation).items():
            for name in (wire, wire + "_"):
                found.setdefault(name, description)
    return found


def _spec_descriptions(operation: _spec.Operation) -> dict[str, str]:
    raw = _spec.document()["paths"][operation.path]
    described: dict[str, str] = {}
    for parameter in [*raw.get("parameters", []), *raw[operation.method.lower()].get("parameters", [])]:
        parameter = _spec.resolve(parameter)
        if parameter.get("description"):
            described[parameter["name"]] = parameter["description"]
    if operation.body_ref:
        for name, schema in _spec.resolve({"$ref": operation.body_ref}).get("properties", {}).items():
            description = _spec.resolve(schema).get("description") or schema.get("description")
            if description:
                described[name] = description
    return described


def summary(method: ClientMethod) -> str:
    """The method's docstring up to its ``Args:``/``Returns:`` sections."""
    doc = inspect.getdoc(method.bind(client())) or ""
    text = re.split(r"^(?:Args|Returns|Raises):$", doc, flags=re.MULTILINE)[0]
    text = re.sub(r"\n\nReturns :class:`\w+`\.\s*$", "", text.strip())
    return markdown_docstring("\n".join(line.strip() for line in text.splitlines()))


def returns(method: ClientMethod) -> str:
    annotation = signature(method).return_annotation
    endpoint = method.endpoint
    if annotation in (inspect.Signature.empty, Any, "Any") and endpoint is not None:
        annotation = endpoint._response
        unwrap = getattr(endpoint, "_unwrap", None)
        if unwrap is not None and method.operation is not None and method.operation.response_ref:
            # A method that returns part of the answer (otp.send → the id): what that part is.
            answer = endpoint._response.from_dict(_spec.example({"$ref": method.operation.response_ref}))
            return type(unwrap(answer)).__name__
    return _short(annotation)


def _returns_line(method: ClientMethod) -> str:
    result = returns(method)
    line = f"**Returns** {_model_anchor(result)}"
    endpoint = method.endpoint
    if endpoint is not None and result != endpoint._response.__name__:
        line += f", taken from the API's {_model_anchor(endpoint._response.__name__)}"
    return line


def errors(method: ClientMethod) -> list[tuple[str, str]]:
    """(error class, when) for each error the method can raise."""
    raised: list[tuple[str, str]] = []
    operation = method.operation
    if operation is None:
        raised.append(("ValidationError", "invalid arguments"))
        return raised
    raised.append(("ValidationError", "invalid arguments, raised before anything is sent"))
    responses = _spec.document()["paths"][operation.path][operation.method.lower()]["responses"]
    for status in sorted(code for code in responses if code.isdigit() and not code.startswith("2")):
        raised.append((error_class_for_status(int(status)).__name__, f"the API answers {status}"))
    raised.append(("RateLimitError", "the API answers 429, after the retries"))
    raised.append(("APIConnectionError", "no answer (`APITimeoutError`: none in time)"))
    raised.append(("APIResponseValidationError", "an answer the typed result cannot be read from"))
    return list({error: (error, when) for error, when in reversed(raised)}.values())[::-1]


def example(method: ClientMethod) -> str:
    """A runnable call of ``method``: imports, a client from the environment, the call."""
    call = EXAMPLES.get(method.dotted) or f"result = client.{method.dotted}({_arguments(method)})"
    imports = sorted(set(re.findall(r"\b([A-Z]\w+)\.from_dict\(", call)))
    lines = ["import contiguity_ext as contiguity"]
    if imports:
        lines.append(f"from contiguity_client.models import {', '.join(imports)}")
    lines += [
        "",
        "client = contiguity.login()  # the token comes from CONTIGUITY_API_KEY",
        call,
        "print(result)",
    ]
    return "\n".join(lines)


def _arguments(method: ClientMethod) -> str:
    """The spec's example value of each required parameter, as Python source."""
    operation = method.operation
    assert operation is not None, f"{method.dotted} calls no single operation: give it an entry in EXAMPLES"
    by_wire = {parameter.name: parameter for parameter in operation.parameters}
    body: dict[str, Any] = (
        _smallest_example({"$ref": operation.body_ref}) if operation.body_ref is not None else {}
    )
    written: list[str] = []
    for parameter in parameters(method):
        wire = parameter.name.removesuffix("_") if parameter.name.endswith("_") else parameter.name
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            continue
        location = by_wire[wire].location if wire in by_wire else "body"
        if parameter.name == "params":
            value = _literal(body)  # the original SDK's dict
        elif parameter.name == "body" and parameter.default is inspect.Parameter.empty:
            value = _value_for(parameter, body)
        elif wire in by_wire and (by_wire[wire].required or parameter.default is inspect.Parameter.empty):
            value = _literal(_spec.example(by_wire[wire].schema))
        elif wire in body:
            value = _value_for(parameter, body[wire])
        elif parameter.default is inspect.Parameter.empty:
            raise LookupError(f"{method.dotted}: no example for {parameter.name}; add it to EXAMPLES")
        else:
            continue
        positional = parameter.kind is parameter.POSITIONAL_ONLY or (
            parameter.kind is parameter.POSITIONAL_OR_KEYWORD and location == "path"
        )
        written.append(value if positional else f"{parameter.name}={value}")
    return ", ".join(written)


def _smallest_example(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The required fields' examples, plus the first optional one if they need one to be valid."""
    validator = _spec.compile_schema(schema)
    complete: dict[str, Any] = dict(_spec.example(schema))
    required = {name: value for name, value in complete.items() if name in _required(schema)}
    candidates = [
        required,
        *({**required, name: value} for name, value in complete.items() if name not in required),
    ]
    for candidate in candidates:
        try:
            validator(candidate)
        except Exception:
            continue
        return candidate
    return complete


def _required(schema: Mapping[str, Any]) -> set[str]:
    resolved = _spec.resolve(schema)
    names = set(resolved.get("required", []))
    for branch in resolved.get("allOf", []):
        names |= _required(branch)
    return names


def _value_for(parameter: inspect.Parameter, value: Any) -> str:
    """``value`` as source; an object for a model-typed parameter becomes ``Model.from_dict(...)``."""
    if isinstance(value, dict):
        for candidate in _types_in(parameter.annotation):
            if hasattr(candidate, "from_dict"):
                return f"{candidate.__name__}.from_dict({_literal(value)})"
    return _literal(value)


def _types_in(annotation: object) -> Iterator[type]:
    if isinstance(annotation, type):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _types_in(argument)


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    return repr(value)


# ---- pages ----------------------------------------------------------------------------------


def group_page(group: str, methods: list[ClientMethod]) -> str:
    lines = [
        f"# {page_title(methods)}",
        "",
        inspect.getdoc(importlib.import_module(f"contiguity_ext.resources.{group}")) or "",
        "",
        "Every method is the same on `AsyncContiguity` (from `login_async`), where it is awaited. "
        "Calls that send a request also take the per-call options `timeout`, `max_retries`, "
        "`extra_headers`, `extra_query` and `extra_body`, and are also reachable as "
        "`client.<group>.with_raw_response.<method>(...)`, which returns the HTTP response "
        "(status, headers, request id) whose `parse()` gives the result documented here.",
        "",
    ]
    for method in methods:
        lines += _method_section(method)
    for attribute, helper in local_objects(group):
        lines += [
            f"## `client.{attribute}` {{ #{attribute} }}",
            "",
            f"::: {helper.__module__}.{helper.__qualname__}",
            "    options:",
            "      show_root_heading: false",
            "",
        ]
    return "\n".join(lines)


def _default(value: object) -> str:
    if value is inspect.Parameter.empty:
        return ""
    if value is ...:  # a key a TypedDict does not require
        return "..."
    if type(value).__name__ == "Unset":
        return "UNSET"
    return repr(value)


def _rendered_signature(name: str, shown: list[inspect.Parameter], result: str) -> str:
    """``name(...) -> result``, one parameter a line when it would not fit on one."""
    parts: list[str] = []
    keyword_only = False
    for parameter in shown:
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and not keyword_only:
            parts.append("*")
            keyword_only = True
        prefix = "**" if parameter.kind is inspect.Parameter.VAR_KEYWORD else ""
        text = (
            f"{prefix}{parameter.name}: {parameter.annotation}"
            if parameter.annotation
            else prefix + parameter.name
        )
        default = _default(parameter.default)
        parts.append(f"{text} = {default}" if default else text)
        if parameter.kind is inspect.Parameter.POSITIONAL_ONLY and (
            parameter is shown[-1]
            or shown[shown.index(parameter) + 1].kind is not inspect.Parameter.POSITIONAL_ONLY
        ):
            parts.append("/")
    one_line = f"{name}({', '.join(parts)}) -> {result}"
    if len(one_line) <= 88:
        return one_line
    return f"{name}(\n" + "".join(f"    {part},\n" for part in parts) + f") -> {result}"


def _method_section(method: ClientMethod) -> list[str]:
    name = f"client.{method.dotted}"
    shown = [p.replace(annotation=_short(p.annotation)) for p in parameters(method)]
    lines = [f"## `{name}` {{ #{method.dotted} }}", ""]
    if summary(method):
        lines += [summary(method), ""]
    if method.operation is not None:
        operation = method.operation
        lines += [f"`{operation.method} {operation.path}` · operation `{operation.operation_id}`", ""]
    lines += ["```python", _rendered_signature(name, shown, returns(method) or "None"), "```", ""]
    described = _argument_docs(method)
    if shown:
        lines += ["| parameter | type | default | description |", "|---|---|---|---|"]
        for parameter in shown:
            default = _default(parameter.default)
            default = "optional" if default == "..." else f"`{default}`" if default else "required"
            if parameter.kind is inspect.Parameter.VAR_KEYWORD:
                default = "optional"
            kind = f"`{parameter.annotation}`" if parameter.annotation else ""
            description = described.get(parameter.name, "").replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{parameter.name}` | {kind} | {default} | {description} |")
        lines.append("")
    lines += [_returns_line(method), ""]
    lines += ["**Raises**", ""]
    lines += [f"- [`{error}`][contiguity_ext.errors.{error}]: {when}" for error, when in errors(method)]
    lines += ["", "**Example**", "", "```python", example(method), "```", ""]
    return lines


def public_names() -> list[str]:
    """``contiguity_ext.__all__`` (which the package computes on first use)."""
    return dir(contiguity_ext)


def model_names() -> list[str]:
    """The names ``contiguity_client.models`` exports."""
    import contiguity_client.models as models

    return list(getattr(models, "__all__", ()))


def _model_anchor(result: str) -> str:
    if result in model_names():
        return f"[`{result}`][contiguity_client.models.{result}]"
    return f"`{result}`"


def api_page() -> str:
    """Every public name, grouped by the module that defines it, then the other public modules."""
    modules: dict[str, list[str]] = {}
    for name in public_names():
        value = getattr(contiguity_ext, name)
        if isinstance(value, types.ModuleType):
            modules.setdefault(value.__name__, [])
        elif hasattr(value, "__module__"):
            modules.setdefault(value.__module__, []).append(name)
    for found in pkgutil.iter_modules(contiguity_ext.__path__):
        if not found.ispkg and not found.name.startswith("_"):
            modules.setdefault(f"contiguity_ext.{found.name}", [])
    lines = [
        "# Package reference",
        "",
        "Everything `import contiguity_ext` offers. The product groups' methods are on their own pages; "
        "the typed results are in [Models](models.md).",
        "",
    ]
    for module, names in sorted(modules.items(), key=lambda item: (not item[0].endswith("_client"), item[0])):
        public = module.replace("._client", "")
        lines += [f"## `{public}`", ""]
        if module.rpartition(".")[2].startswith("_"):
            for name in sorted(names, key=lambda name: (name[0].isupper(), "Async" in name, name)):
                lines += [
                    f"::: {module}.{name}",
                    "    options:",
                    "      show_root_heading: true",
                    "      show_root_full_path: false",
                    "",
                ]
        else:
            lines += [f"::: {module}", "    options:", "      show_root_heading: false", ""]
    return "\n".join(lines)


def models_page() -> str:
    return "\n".join(
        [
            "# Models",
            "",
            "The typed results and request bodies, generated from `openapi.yaml` into "
            "`contiguity_client.models` (attrs classes). Every model has `from_dict()` and "
            "`to_dict()`; fields the API adds later are kept in `additional_properties`.",
            "",
            "::: contiguity_client.models",
            "    options:",
            "      show_root_heading: false",
            "      show_submodules: false",
            "      members_order: alphabetical",
            "      show_if_no_docstring: true",
            '      filters: ["!^_"]',
            "",
        ]
    )


def readme_page() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.sub(r"\]\(docs/([^)]+)\)", r"](\1)", text)


def pages() -> dict[str, str]:
    """Every generated page, by its path in the site's sources."""
    generated = {
        "index.md": readme_page(),
        "reference/api.md": api_page(),
        "reference/models.md": models_page(),
    }
    for group, methods in groups().items():
        generated[f"reference/{group}.md"] = group_page(group, methods)
    return generated


# ---- docstrings ------------------------------------------------------------------------------

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`(~?)([^`]+)`")


def markdown_docstring(text: str) -> str:
    """The reST the package's docstrings use for ``help()``, as the Markdown the site renders."""
    text = _ROLE.sub(lambda m: f"`{m.group(2).rpartition('.')[2] if m.group(1) else m.group(2)}`", text)
    text = re.sub(r"``([^`]+)``", r"`\1`", text)
    text = re.sub(r"(?m)^[ \t]*::[ \t]*$", "", text)  # a literal block introduced on its own line
    text = re.sub(r"(?m)(\S)::[ \t]*$", r"\1:", text)
    # Doctest paragraphs (for help() and doctest) become highlighted console blocks.
    return re.sub(r"(?m)^(>>> .*(?:\n(?![ \t]*$).*)*)", lambda m: f"```pycon\n{m.group(1)}\n```", text)


def __getattr__(name: str) -> Any:
    # mkdocstrings asks for ``ReadableDocstrings`` (mkdocs.yml); building the class only then
    # keeps this module importable where the documentation tools are not installed (the tests
    # of the pages also run in the Python matrix, which installs requirements-test.txt only).
    if name == "ReadableDocstrings":
        return _readable_docstrings()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _readable_docstrings() -> type:
    import griffe

    class ReadableDocstrings(griffe.Extension):
        """A griffe extension that applies :func:`markdown_docstring` to every docstring."""

        def on_instance(self, *, obj: griffe.Object, **_event: Any) -> None:
            if obj.docstring is not None:
                obj.docstring.value = markdown_docstring(obj.docstring.value)

    return ReadableDocstrings


# ---- MkDocs hooks ---------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    guides = sorted(path.name for path in (ROOT / "docs").glob("*.md"))
    config["nav"] = [
        {"Home": "index.md"},
        {"Guides": guides},
        {
            "Reference": [
                "reference/api.md",
                *(f"reference/{group}.md" for group in groups()),
                "reference/models.md",
            ]
        },
    ]
    return config


def on_files(files: Any, *, config: Any) -> Any:
    from mkdocs.structure.files import File

    for path, content in pages().items():
        files.append(File.generated(config, path, content=content))
    return files


_anchors: set[str] = set()


def on_page_content(html_text: str, **_event: Any) -> str:
    _anchors.update(html.unescape(found) for found in re.findall(r'\bid="([^"]+)"', html_text))
    return html_text


def on_post_build(*, config: Any) -> None:
    expected = [f"contiguity_client.models.{name}" for name in model_names()]
    for name in public_names():
        value = getattr(contiguity_ext, name)
        if isinstance(value, types.ModuleType):
            expected.append(value.__name__)
        elif hasattr(value, "__module__"):
            expected.append(f"{value.__module__}.{name}")
    expected += [method.dotted for method in operation_table()]
    for missing in (anchor for anchor in expected if anchor not in _anchors):
        log.warning("the site documents no %s", missing)
    # Reading the site must not need the network either (no fonts or scripts from a CDN).
    site = Path(config["site_dir"])
    for page in sorted(site.rglob("*.html")):
        for url in re.findall(
            r'<(?:script|link)\b[^>]*\b(?:src|href)="(https?://[^"]+)"', page.read_text("utf-8")
        ):
            log.warning("%s loads %s from the network", page.relative_to(site), url)


def callable_examples() -> dict[str, str]:
    """Every method's example, by its dotted name (what the test suite runs)."""
    return {method.dotted: example(method) for method in operation_table()}
