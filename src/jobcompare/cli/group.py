"""The command group's Click side: ``compare`` is the default command (``jobcompare A
B``), options may come before the command, ``help`` and near-misses of a command's name
are taken for commands, ``--show-completion SHELL`` prints any shell's script, and usage
lines read as the README writes them."""

from __future__ import annotations

from typing import Any

import typer
from typer._click.exceptions import NoSuchOption, UsageError
from typer.core import TyperCommand, TyperGroup

from jobcompare.errors import ExitStatus
from jobcompare.text import safe

#: Shells whose completion script ``--show-completion SHELL`` prints.
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")

#: How to call jobcompare, as the README shows it (the usage line of errors and help).
USAGE = "ROLE ROLE [ROLE [ROLE]] [OPTIONS]"


def _plain_usage(pieces: list[str]) -> list[str]:
    # Click writes a required argument as "{ROLE}"; the README writes ROLE.
    return [piece.replace("{", "").replace("}", "") for piece in pieces]


def _one_line(help_text: str | None) -> str | None:
    """A docstring's first paragraph as one line: the commands list wraps it to the
    terminal, instead of breaking it where the source's line ended."""
    if not help_text:
        return None
    import inspect

    return " ".join(inspect.cleandoc(help_text).split("\n\n")[0].split())


class Command(TyperCommand):
    """A command whose usage line reads as the README writes it, and whose line in the
    commands list wraps to the terminal."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.short_help = self.short_help or _one_line(self.help)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return _plain_usage(super().collect_usage_pieces(ctx))


class CompareCommand(TyperCommand):
    """``compare``, whose name may be left out: its usage line says so."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.short_help = self.short_help or _one_line(self.help)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(f"Usage: jobcompare {USAGE}\n")


class CompareByDefault(TyperGroup):
    """``jobcompare A B`` means ``jobcompare compare A B``.

    Options may also come before the subcommand (``jobcompare --data my.toml list``): they
    belong to the subcommand, so they are moved after its name. A first word that is
    ``help`` or close to a command's name is taken for a command, not a role.
    """

    default_command = "compare"

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(f"Usage: jobcompare {USAGE}\n       jobcompare COMMAND [ARGS]...\n")

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.name == "show_completion":  # its shell may be named (_show_completion)
                param.help = (
                    "Print the completion script for the current shell, or for SHELL given "
                    f"after it ({', '.join(SHELLS)})."
                )
        return params

    def _options(self, ctx: Any) -> tuple[set[str], set[str], set[str]]:
        """(the group's own options, the subcommands' options, those that take a value)."""
        own = {opt for p in self.get_params(ctx) for opt in (*p.opts, *p.secondary_opts)}
        theirs = {
            opt
            for command in self.commands.values()
            for p in command.get_params(ctx)
            for opt in (*p.opts, *p.secondary_opts)
        }
        valued = {
            opt
            for command in self.commands.values()
            for p in command.params
            if p.param_type_name == "option" and not getattr(p, "is_flag", False)
            for opt in p.opts
        }
        return own, theirs, valued

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        flags, args = _pull_global_flags(list(args))
        if not args:
            args = ["--help"]  # asking for nothing is asking for help: exit 0
        _show_completion(ctx, args)
        args = self._help(ctx, args)
        own, theirs, valued = self._options(ctx)
        first = args[0]
        if first not in self.commands and first not in own:
            leading: list[str] = []
            rest = list(args)
            while rest and rest[0].startswith("-") and rest[0] not in own:
                option = rest.pop(0)
                leading.append(option)
                if option.split("=", 1)[0] not in theirs:
                    raise NoSuchOption(option.split("=", 1)[0], ctx=ctx)
                if option in valued and rest:
                    leading.append(rest.pop(0))
            if rest and rest[0] in self.commands:
                args = [rest[0], *leading, *rest[1:]]
            else:
                if rest:
                    self._not_a_command(ctx, rest[0])
                args = [self.default_command, *args]
        return super().parse_args(ctx, [*flags, *args])

    def _help(self, ctx: Any, args: list[str]) -> list[str]:
        """``jobcompare help [COMMAND]`` is ``jobcompare [COMMAND] --help``."""
        if args[0] != "help":
            return args
        wanted = args[1:]
        if wanted and wanted[0] not in self.commands:
            self._not_a_command(ctx, wanted[0], help_for=True)
        return [*wanted[:1], "--help"]

    def _not_a_command(self, ctx: Any, word: str, *, help_for: bool = False) -> None:
        """A usage error when ``word`` is (close to) a command's name rather than a role."""
        import difflib

        names = [*self.commands, "help"]
        close = difflib.get_close_matches(word.lower(), names, n=1, cutoff=0.7)
        if help_for:
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise UsageError(
                f"no command '{safe(word)}'.{hint} Commands: {', '.join(self.commands)}.", ctx
            )
        if word.lower() in names or close:
            name = word.lower() if word.lower() in names else close[0]
            raise UsageError(
                f"'{safe(word)}' is not a command: did you mean '{name}'? (To compare a role "
                f"of that name, write: jobcompare compare {safe(word)} ROLE)",
                ctx,
            )

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        from typer._click.shell_completion import CompletionItem

        items = super().shell_complete(ctx, incomplete)
        from jobcompare.cli.options import complete_role

        return items + [CompletionItem(slug) for slug in complete_role(ctx, incomplete)]


NO_COLOR_FLAG = "--no-color"

ONLY_DATA_FLAG = "--only-data"

NO_PAGER_FLAG = "--no-pager"

#: The group's flags that may come anywhere on the line: they apply to every command.
GLOBAL_FLAGS = (NO_COLOR_FLAG, ONLY_DATA_FLAG, NO_PAGER_FLAG)


def _pull_global_flags(args: list[str]) -> tuple[list[str], list[str]]:
    """(the group's flags that may come anywhere before ``--``, the other arguments)."""
    end = args.index("--") if "--" in args else len(args)
    flags = [f for f in GLOBAL_FLAGS if f in args[:end]]
    return flags, [a for i, a in enumerate(args) if i >= end or a not in GLOBAL_FLAGS]


def _show_completion(ctx: Any, args: list[str]) -> None:
    """``--show-completion SHELL`` and ``--show-completion=SHELL`` print that shell's
    script (Typer's own flag only detects the shell it runs in)."""
    for number, arg in enumerate(args):
        if arg == "--show-completion" and args[number + 1 : number + 2]:
            shell = args[number + 1]
        elif arg.startswith("--show-completion="):
            shell = arg.split("=", 1)[1]
        else:
            continue
        if shell.startswith("-"):
            return
        if shell not in SHELLS:
            raise UsageError(
                f"no completion for shell '{safe(shell)}': use one of {', '.join(SHELLS)}", ctx
            )
        from typer._completion_shared import get_completion_script

        typer.echo(
            get_completion_script(
                prog_name="jobcompare", complete_var="_JOBCOMPARE_COMPLETE", shell=shell
            )
        )
        raise typer.Exit(ExitStatus.OK)
