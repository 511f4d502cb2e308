"""Do an option's hours and dates tell one story? The figures the user typed are never replaced;
where they disagree, the form says so in words, with the arithmetic."""

from __future__ import annotations

from decimal import Decimal

from upskill_ask.formatting import Formatter
from upskill_ask.model import Option

SLACK_SHARE = Decimal("0.2")  # a fifth either way is a plan, not a contradiction
SLACK_HOURS = Decimal(2)


def disagreements(option: Option, fmt: Formatter) -> list[str]:
    """Sentences naming each way the total, the hours a week and the dates disagree."""
    total, per_week = option.hours_total, option.hours_per_week
    found = []
    if per_week > total > 0:
        found.append(f"A week holds more hours ({fmt.hours(per_week)}) than the whole option "
                     f"({fmt.hours(total)}).")
    start, end = option.schedule.start, option.schedule.end
    if start and end and end >= start and per_week > 0 and total > 0:
        weeks = Decimal((end - start).days + 1) / 7
        implied = weeks * per_week
        if abs(implied - total) > max(SLACK_HOURS, total * SLACK_SHARE):
            found.append(
                f"From {fmt.date(start)} to {fmt.date(end)} is {fmt.number(weeks)} weeks; at "
                f"{fmt.hours(per_week)} a week that makes about {fmt.hours(implied.quantize(Decimal(1)))}, "
                f"not the {fmt.hours(total)} in total. Change the dates, the hours a week or the "
                "total so they agree.")
    return found
