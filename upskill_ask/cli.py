"""The command line: open the wizard, check a draft, render the outputs, print the schema.

``check``, ``render`` and ``schema`` never import Qt; WeasyPrint is imported only to render.
Bad input exits 2 with one ``error:`` line per problem naming the field, never a traceback, and
leaves every file as it was: outputs are written only after all of them rendered, atomically.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from upskill_ask import __version__

COMMANDS = ("check", "render", "schema")
EXIT_BAD_INPUT = 2
EXIT_FAILED = 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="upskill-ask",
        description="Prepare the ask that gets your employer to support the skill you want "
        "to learn. Without a command, opens the wizard (on DRAFT if given).",
        epilog="Run 'upskill-ask COMMAND --help' for a command's options. "
        "'upskill-ask DRAFT' opens the wizard on a draft.",
    )
    parser.add_argument("--version", action="version", version=f"upskill-ask {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="validate a draft file (exit 0 if valid)",
                           description="Validate a draft file. Exit 0 if it is a valid draft, "
                           "2 with one 'error:' line per problem otherwise.")
    check.add_argument("draft", metavar="DRAFT", type=Path, help="the .upskill file")

    render = sub.add_parser(
        "render", help="write the proposal PDF and, optionally, the prep sheet, emails, HTML, "
        "calendar and outcome report",
        description="Render a draft. The proposal (-o) is for your manager; the prep sheet is "
        "for you alone; the email draft (.eml) is addressed to your manager with the proposal "
        "attached; --html writes the proposal as one self-contained HTML file.")
    render.add_argument("draft", metavar="DRAFT", type=Path, help="the .upskill file")
    render.add_argument("-o", "--output", metavar="PROPOSAL.pdf", type=Path, required=True,
                        help="where to write the proposal PDF")
    render.add_argument("--prep-sheet", metavar="PREP.pdf", type=Path,
                        help="also write your private prep sheet PDF")
    render.add_argument("--email", metavar="DRAFT.eml", type=Path,
                        help="also write an email draft with the proposal attached")
    render.add_argument("--html", metavar="PROPOSAL.html", type=Path,
                        help="also write the proposal as self-contained HTML")
    render.add_argument("--calendar", metavar="FILE.ics", type=Path,
                        help="also write the meeting, a budget reminder, the check-ins and the "
                        "measures' dates as an iCalendar file (nothing private)")
    render.add_argument("--recap", metavar="RECAP.eml", type=Path,
                        help="also write the thank-you and recap email to send after the "
                        "meeting: what was agreed (the recorded outcome, else the first choice "
                        "as a draft to adjust) and the next dates")
    render.add_argument("--outcome-report", metavar="REPORT.pdf", type=Path,
                        help="also write the outcome report PDF: what was learned and applied, "
                        "each measure planned against achieved, the decision recorded")
    render.add_argument("--email-calendar", action="store_true",
                        help="attach the dates as a calendar file, worded for your manager, to "
                        "the email (--email) and the recap (--recap)")

    sub.add_parser("schema", help="print the draft's JSON Schema",
                   description="Print the JSON Schema of draft files, for editors that "
                   "offer completion and validation.")
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="upskill-ask", add_help=False)
    parser.add_argument("draft", metavar="DRAFT", type=Path, nargs="?")
    return parser


def _errors(lines: list[str]) -> int:
    for line in lines:
        print(f"error: {line}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _load(path: Path):
    from upskill_ask import drafts

    return drafts.load(path, lenient_addresses=False)


def cmd_check(args: argparse.Namespace) -> int:
    from upskill_ask.drafts import DraftError

    try:
        draft = _load(args.draft)
    except DraftError as exc:
        return _errors(exc.lines())
    print(f"ok: {args.draft} is a valid draft ({len(draft.options)} options, "
          f"{len(draft.objections)} anticipated questions)")
    return 0


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _warn_about_boxes(draft, *, private: bool) -> None:
    """Warn (without refusing) when a script in the draft has no font here: the PDFs would
    show empty boxes in its place."""
    from upskill_ask import glyphs

    for gap in glyphs.draft_problems(draft, private=private):
        print(f"warning: {gap.sentence()}", file=sys.stderr)


def cmd_render(args: argparse.Namespace) -> int:
    from upskill_ask import drafts, views
    from upskill_ask.drafts import DraftError

    try:
        draft = _load(args.draft)
    except DraftError as exc:
        return _errors(exc.lines())
    missing = views.missing_for_export(draft)
    if missing:
        return _errors([f"{path}: {message}" for path, message in missing])
    if args.email_calendar and not (args.email or args.recap):
        return _errors(["--email-calendar: attaches the calendar to an email; add --email or "
                        "--recap"])
    outputs = {"-o": args.output, "--prep-sheet": args.prep_sheet, "--email": args.email,
               "--html": args.html, "--calendar": args.calendar, "--recap": args.recap,
               "--outcome-report": args.outcome_report}
    chosen = {flag: path for flag, path in outputs.items() if path is not None}
    problems = []
    for flag, path in chosen.items():
        if _same_file(path, args.draft):
            problems.append(f"{flag}: {path} is the draft itself; choose another file name")
        elif path.is_dir():
            problems.append(f"{flag}: {path} is a folder")
        elif not path.parent.resolve().is_dir():
            problems.append(f"{flag}: the folder {path.parent} does not exist")
    if len({p.resolve() for p in chosen.values()}) < len(chosen):
        problems.append("outputs: two outputs would be written to the same file")
    if problems:
        return _errors(problems)

    _warn_about_boxes(draft, private=args.prep_sheet is not None)

    import gc

    from upskill_ask import render
    from upskill_ask.render import RenderError

    # a render builds tens of thousands of short-lived objects and this process ends right
    # after it: the cyclic collector would only slow it down (about a quarter of the time)
    gc.disable()
    files: dict[Path, bytes] = {}
    try:
        if args.html:  # the HTML lays out as the PDF does, repairs and all
            pdf, html = render.proposal_outputs(draft)
            files[args.output], files[args.html] = pdf, html.encode("utf-8")
        else:
            files[args.output] = render.proposal_pdf(draft)
        if args.prep_sheet:
            files[args.prep_sheet] = render.prep_pdf(draft)
        if args.email:
            from upskill_ask import mail

            files[args.email] = mail.eml_bytes(draft, files[args.output],
                                               calendar=args.email_calendar)
        if args.recap:
            from upskill_ask import recap

            files[args.recap] = recap.eml_bytes(draft, calendar=args.email_calendar)
        if args.outcome_report:
            files[args.outcome_report] = render.outcome_pdf(draft)
        if args.calendar:
            from upskill_ask.calendar_file import calendar_bytes

            files[args.calendar] = calendar_bytes(draft)
    except RenderError as exc:
        return _errors([f"render: {exc}"])
    for path, data in files.items():
        try:
            drafts.write_atomic(path, data, private=path == args.prep_sheet)
        except OSError as exc:
            return _errors([f"{path}: cannot write: {exc.strerror or exc}"])
    for path in files:
        print(f"wrote {path}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from upskill_ask.schema import draft_schema

    json.dump(draft_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _open_gui(draft: Path | None) -> int:
    from upskill_ask.ui.app import run

    return run(draft)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and (argv[0] in COMMANDS or argv[0].startswith("-")):
            args = _parser().parse_args(argv)
            if args.command is None:
                return _open_gui(None)
            return {"check": cmd_check, "render": cmd_render, "schema": cmd_schema}[args.command](args)
        args, unknown = _gui_parser().parse_known_args(argv)
        if unknown:
            _parser().error(f"unrecognised arguments: {' '.join(unknown)}")
        return _open_gui(args.draft)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except MemoryError:
        print("error: not enough memory to finish", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug: say so in one line, never a traceback
        print(f"error: unexpected problem ({type(exc).__name__}: {exc}); please report it",
              file=sys.stderr)
        return EXIT_FAILED
