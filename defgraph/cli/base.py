"""What the commands share: the group, the store and format options, the settings, errors on output files."""

from __future__ import annotations

import dataclasses
import errno
import typing
from pathlib import Path

import click

from .. import __version__
from ..formats import Format, FormatError, lookup
from ..server import settings as server_settings
from ..store import DEFAULT_STORE_DIR, StoreError

STORE_HELP = (f"Store folder (default: $DEFGRAPH_STORE, else ./{DEFAULT_STORE_DIR}), or the query endpoint of "
              "a SPARQL 1.1 store, http://HOST:PORT/PATH (credentials in $DEFGRAPH_STORE_USER and "
              "$DEFGRAPH_STORE_PASSWORD).")
REMOTE_KEY = "defgraph_remote"


def _remember(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    ctx.meta.setdefault(REMOTE_KEY, {})[param.name] = value
    return value


def store_option(f):
    """--store, and for a remote store its --update-url, --gsp-url and --store-kind."""
    from ..remote import ENV_GSP_URL, ENV_KIND, ENV_UPDATE_URL, KINDS

    f = click.option("--store-kind", "kind", envvar=ENV_KIND, default=None, type=click.Choice(list(KINDS)),
                     expose_value=False, callback=_remember,
                     help=f"With a remote --store: the server's product, for its usual update and Graph Store "
                          f"endpoints beside the query endpoint (or ${ENV_KIND}).")(f)
    f = click.option("--gsp-url", "gsp_url", envvar=ENV_GSP_URL, default=None, metavar="URL",
                     expose_value=False, callback=_remember,
                     help=f"With a remote --store: its Graph Store Protocol endpoint (or ${ENV_GSP_URL}).")(f)
    f = click.option("--update-url", "update_url", envvar=ENV_UPDATE_URL, default=None, metavar="URL",
                     expose_value=False, callback=_remember,
                     help=f"With a remote --store: its SPARQL Update endpoint (or ${ENV_UPDATE_URL}).")(f)
    return click.option("--store", "store_dir", envvar="DEFGRAPH_STORE", default=DEFAULT_STORE_DIR,
                        show_default=True, help=STORE_HELP, type=click.Path(file_okay=False))(f)


def _open(store_dir: str, read_only: bool = True, base_iri: str | None = None):
    from ..remote import open_any

    remote = click.get_current_context().meta.get(REMOTE_KEY, {})
    try:
        return open_any(store_dir, read_only=read_only, base_iri=base_iri, **remote)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


class FormatChoice(click.Choice):
    """A --format option's choices: the formats given (defgraph.formats), by name or alias; the
    value is the format's name."""

    def __init__(self, formats: list[Format]) -> None:
        self.formats = formats
        super().__init__([f.name for f in formats])

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return lookup(self.formats, str(value)).name
        except FormatError:
            return super().convert(value, param, ctx)


def format_option(formats: list[Format], default: str | None, help: str):
    """--format over some formats of the table, its help listing them."""
    return click.option("--format", "fmt", type=FormatChoice(formats), default=default,
                        show_default=default is not None, help=help)


def settings_options(f):
    """The options of `defgraph serve` that set the server's settings: one per row of the
    settings table (server/settings.py), with its type, default and help from there."""
    hints = typing.get_type_hints(server_settings.Settings)
    for option, field in reversed(server_settings.options()):
        kind, meta = hints[field.name], field.metadata
        kwargs: dict = {"help": meta["help"], "envvar": meta["envvar"], "metavar": meta["metavar"]}
        if kind is bool:
            kwargs["is_flag"] = True
        elif kind == tuple[str, ...]:
            kwargs["multiple"] = True
        else:
            kwargs["type"] = kind if kind in (int, float) else str
            has_default = field.default is not dataclasses.MISSING
            kwargs["default"] = field.default if has_default else None
            kwargs["show_default"] = meta["default_text"] or has_default
        f = click.option(option, field.name, **kwargs)(f)
    return f


def settings_from(values: dict) -> server_settings.Settings:
    """The server's settings from `defgraph serve`'s options (an option left out keeps its
    default); ValueError names a bad one."""
    given = {name: values[name] for name in (fld.name for _, fld in server_settings.options())
             if values.get(name) is not None}
    if "service_allow_list" in given:
        given["service_allow_list"] = tuple(given["service_allow_list"])
    if not given.get("allow_update"):
        given.pop("update_token", None)
    return server_settings.Settings(**given)


def _shown(store_dir: str) -> str:
    """The store's location as messages show it: a folder's full path, or a remote store's URL."""
    from ..remote import is_remote

    return store_dir if is_remote(store_dir) else str(Path(store_dir).resolve())


class _Commands(click.Group):
    """The command group; an OS error (full disk, unwritable file) ends a command with one line."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except StoreError as exc:     # a remote store that stopped answering, or refused a request
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}"
                                       + ("; nothing more was written" if exc.errno in _FULL else "")) from None


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _out_file(out: str) -> Path:
    """The --out file, refused before any work when its folder does not exist."""
    path = Path(out)
    if not path.parent.is_dir():
        raise click.ClickException(f"{out}: the folder {path.parent} does not exist (create it first)")
    return path


def _write_error(out: str, exc: OSError) -> click.ClickException:
    return click.ClickException(f"{out}: cannot write it ({exc.strerror or exc})")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="defgraph")
def main() -> None:
    """defgraph: build a knowledge graph of defence cooperation from news articles.

    \b
    Example:
      defgraph ingest seeds/
      defgraph query queries/transfers.rq --format csv
    """
