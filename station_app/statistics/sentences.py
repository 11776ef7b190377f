"""The report's sentences, in the register's own words, in Hindi and in English.

e.g. "सितंबर माह में 6 बालक, 64 बालिका सहित कुल 70 बच्चों को तलाश किया।" and
"In September, 70 children were traced: 6 boys and 64 girls."
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from station_app.domain import CaseType
from station_app.statistics.figures import MonthFigures, MonthlyStatistics, SexCounts

Language = Literal["hi", "en"]
LANGUAGES: tuple[Language, ...] = ("hi", "en")

HINDI_MONTHS = (
    "जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून",
    "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def month_name(month: int, language: Language) -> str:
    return (HINDI_MONTHS if language == "hi" else ENGLISH_MONTHS)[month - 1]


def day_text(day: date, language: Language, with_year: bool = True) -> str:
    """'1 January 2026' / '1 जनवरी 2026'."""
    text = f"{day.day} {month_name(day.month, language)}"
    return f"{text} {day.year}" if with_year else text


def span_text(first: date, last: date, language: Language) -> str:
    """'1 January to 30 September 2026' or '15 to 30 September' (Hindi: '... से ... तक')."""
    same_year = first.year == last.year
    if same_year and first.month == last.month:
        start = str(first.day)
    else:
        start = day_text(first, language, with_year=not same_year)
    if language == "hi":
        return f"{start} से {day_text(last, language)} तक"
    return f"{start} to {day_text(last, language)}"


def month_label(figures: MonthFigures, language: Language, total_label: str) -> str:
    """A table's name for a row: 'जुलाई 2026', or '15–31 जुलाई 2026' for part of a month."""
    if figures.is_total:
        return total_label
    name = f"{month_name(figures.first_day.month, language)} {figures.first_day.year}"
    if figures.is_whole_month:
        return name
    return f"{figures.first_day.day}–{figures.last_day.day} {name}"


def month_sentence(figures: MonthFigures, language: Language, with_year: bool = False) -> str:
    """The month's line of the report: how many children were traced in it."""
    name = month_name(figures.first_day.month, language)
    if with_year:
        name = f"{name} {figures.first_day.year}"
    span = span_text(figures.first_day, figures.last_day, language)
    whole = figures.is_whole_month
    traced = figures.traced.children
    if language == "hi":
        when = f"{name} माह में" if whole else span
        return f"{when} {_hindi_traced(traced)}"
    when = f"In {name}" if whole else f"From {span}"
    return f"{when}, {_english_traced(traced)}"


def period_sentence(statistics: MonthlyStatistics, language: Language) -> str:
    """The press-note summary of the whole period."""
    total = statistics.total
    span = span_text(total.first_day, total.last_day, language)
    traced = total.traced.children
    kidnapped_girls = total.registered.case_type(CaseType.KIDNAPPING).girls
    earlier = statistics.traced_registered_before.total
    start = day_text(total.first_day, language)
    if language == "hi":
        parts = [f"{span} {_hindi_traced(traced)}", _hindi_kidnappings(kidnapped_girls)]
        if earlier:
            parts.append(f"तलाश किए गए बच्चों में {earlier} ऐसे हैं जिनकी गुमशुदगी {start} से पहले दर्ज हुई थी।")
        return " ".join(parts)
    parts = [f"From {span}, {_english_traced(traced)}", _english_kidnappings(kidnapped_girls)]
    if earlier:
        parts.append(f"Of the children traced, {earlier} had been registered before {start}.")
    return " ".join(parts)


def _hindi_traced(counts: SexCounts) -> str:
    if counts.total == 0:
        return "कोई बच्चा तलाश नहीं हुआ।"
    children = "बच्चे" if counts.total == 1 else "बच्चों"
    return (
        f"{counts.boys} बालक, {counts.girls} बालिका सहित कुल {counts.total} {children} को तलाश किया।"
    )


def _english_traced(counts: SexCounts) -> str:
    if counts.total == 0:
        return "no child was traced."
    head = f"{_plural(counts.total, 'child', 'children')} {_was(counts.total)} traced"
    boys, girls = _plural(counts.boys, "boy", "boys"), _plural(counts.girls, "girl", "girls")
    if counts.others:
        return f"{head}: {boys}, {girls} and {_plural(counts.others, 'other', 'others')}."
    return f"{head}: {boys} and {girls}."


def _hindi_kidnappings(girls: int) -> str:
    if girls == 0:
        return "इसी अवधि में बालिकाओं के अपहरण का कोई प्रकरण पंजीबद्ध नहीं हुआ।"
    return f"इसी अवधि में बालिकाओं के अपहरण के {girls} प्रकरण पंजीबद्ध हुए।"


def _english_kidnappings(girls: int) -> str:
    if girls == 0:
        return "No case of kidnapping of a girl was registered in the same period."
    if girls == 1:
        return "In the same period 1 kidnapping case of a girl was registered."
    return f"In the same period {girls} kidnapping cases of girls were registered."


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _was(count: int) -> str:
    return "was" if count == 1 else "were"
