"""Do an option's hours and dates tell one story? The figures the user typed are never replaced;
where they disagree, the form says so in words, with the arithmetic."""

from __future__ import annotations

from decimal import Decimal

from upskill_ask.formatting import Formatter
from upskill_ask.i18n import _
from upskill_ask.model import Option

SLACK_SHARE = Decimal("0.2")  # a fifth either way is a plan, not a contradiction
SLACK_HOURS = Decimal(2)


def disagreements(option: Option, fmt: Formatter) -> list[str]:
    """Sentences naming each way the total, the hours a week and the dates disagree (for the
    option form: in the app's language)."""
    total, per_week = option.hours_total, option.hours_per_week
    found = []
    if per_week > total > 0:
        found.append(_("A week holds more hours ({week}) than the whole option ({total}).").format(
            week=fmt.hours(per_week), total=fmt.hours(total)))
    start, end = option.schedule.start, option.schedule.end
    if start and end and end >= start and per_week > 0 and total > 0:
        weeks = Decimal((end - start).days + 1) / 7
        implied = weeks * per_week
        if abs(implied - total) > max(SLACK_HOURS, total * SLACK_SHARE):
            found.append(_(
                "From {start} to {end} is {weeks} weeks; at {week} a week that makes about "
                "{implied}, not the {total} in total. Change the dates, the hours a week or the "
                "total so they agree.").format(
                start=fmt.date(start), end=fmt.date(end), weeks=fmt.number(weeks),
                week=fmt.hours(per_week), implied=fmt.hours(implied.quantize(Decimal(1))),
                total=fmt.hours(total)))
    return found
