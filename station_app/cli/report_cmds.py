"""`station-app report monthly`: the Operation Muskaan progress table for a period."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from station_app.app import App
from station_app.cli.common import login
from station_app.services import statistics as statistics_service
from station_app.statistics.figures import MonthlyStatistics
from station_app.statistics.period import InvalidPeriod, Period, parse_day
from station_app.statistics.sentences import LANGUAGES, Language, month_sentence, period_sentence
from station_app.statistics.text_tables import text_report


def _day(text: str) -> date:
    try:
        return parse_day(text)
    except InvalidPeriod as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def cmd_monthly(app: App, args: argparse.Namespace) -> int:
    try:
        period = Period(args.from_day, args.to_day)
    except InvalidPeriod as error:
        parser: argparse.ArgumentParser = args.parser
        parser.error(str(error))  # exits 2, like an unreadable date
    user = login(app)
    language: Language = args.lang
    if args.csv is None and args.pdf is None:
        statistics = statistics_service.monthly_report(app, user, period)
        print(text_report(statistics), end="")
        print()
        print(_sentences(statistics, language))
        return 0
    if args.csv is not None:
        statistics_service.export_csv(app, user, period, Path(args.csv))
        print(f"CSV written to {args.csv}")
    if args.pdf is not None:
        statistics_service.export_pdf(app, user, period, Path(args.pdf), language)
        print(f"PDF written to {args.pdf}")
    return 0


def _sentences(statistics: MonthlyStatistics, language: Language) -> str:
    several_years = statistics.period.first_day.year != statistics.period.last_day.year
    lines = [month_sentence(month, language, several_years) for month in statistics.months]
    return "\n".join([*lines, period_sentence(statistics, language)])


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser("report", help="statistics of the registers")
    reports = report.add_subparsers(dest="report", required=True, metavar="REPORT")
    monthly = reports.add_parser(
        "monthly",
        help="children registered and traced, month by month (Operation Muskaan)",
        description="Monthly progress table for a period; both dates are included.",
    )
    for option, dest, help_text in (
        ("--from", "from_day", "first day of the period"),
        ("--to", "to_day", "last day of the period (included)"),
    ):
        monthly.add_argument(
            option, dest=dest, type=_day, required=True, metavar="YYYY-MM-DD", help=help_text
        )
    monthly.add_argument("--csv", metavar="FILE", help="write the progress table as CSV")
    monthly.add_argument("--pdf", metavar="FILE", help="write the printable report as PDF")
    monthly.add_argument(
        "--lang", choices=LANGUAGES, default="hi", help="language of the PDF and sentences (hi)"
    )
    monthly.set_defaults(handler=cmd_monthly, parser=monthly)
