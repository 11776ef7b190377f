"""The report's sentences, word for word as the register writes them."""

from __future__ import annotations

from datetime import date

from station_app.domain import CaseType
from station_app.statistics.figures import (
    FoundFigures,
    MonthFigures,
    MonthlyStatistics,
    SexCounts,
    Tally,
)
from station_app.statistics.period import Period
from station_app.statistics.sentences import month_sentence, period_sentence


def month(
    first: date,
    last: date,
    traced: SexCounts,
    registered: Tally | None = None,
    label: str = "",
) -> MonthFigures:
    return MonthFigures(
        month=label or f"{first:%Y-%m}",
        first_day=first,
        last_day=last,
        registered=registered or Tally(),
        traced=Tally(children=traced),
        pending_at_end=0,
        found=FoundFigures(),
        median_days_to_trace=None,
    )


SEPTEMBER = month(date(2026, 9, 1), date(2026, 9, 30), SexCounts(6, 64, 70))


def test_the_hindi_sentence_of_a_month_is_the_registers_own() -> None:
    assert (
        month_sentence(SEPTEMBER, "hi")
        == "सितंबर माह में 6 बालक, 64 बालिका सहित कुल 70 बच्चों को तलाश किया।"
    )


def test_the_english_sentence_of_a_month() -> None:
    assert (
        month_sentence(SEPTEMBER, "en")
        == "In September, 70 children were traced: 6 boys and 64 girls."
    )


def test_the_year_is_named_when_the_period_spans_years() -> None:
    assert month_sentence(SEPTEMBER, "hi", with_year=True).startswith("सितंबर 2026 माह में")
    assert month_sentence(SEPTEMBER, "en", with_year=True).startswith("In September 2026,")


def test_a_month_partly_in_the_period_names_its_days() -> None:
    part = month(date(2026, 7, 15), date(2026, 7, 31), SexCounts(1, 0, 1))
    assert month_sentence(part, "hi") == (
        "15 से 31 जुलाई 2026 तक 1 बालक, 0 बालिका सहित कुल 1 बच्चे को तलाश किया।"
    )
    assert month_sentence(part, "en") == (
        "From 15 to 31 July 2026, 1 child was traced: 1 boy and 0 girls."
    )


def test_a_month_with_no_child_traced() -> None:
    empty = month(date(2026, 8, 1), date(2026, 8, 31), SexCounts())
    assert month_sentence(empty, "hi") == "अगस्त माह में कोई बच्चा तलाश नहीं हुआ।"
    assert month_sentence(empty, "en") == "In August, no child was traced."


def test_children_of_other_sex_are_in_the_total_and_named_in_english() -> None:
    july = month(date(2026, 7, 1), date(2026, 7, 31), SexCounts(3, 26, 30))
    assert month_sentence(july, "hi") == (
        "जुलाई माह में 3 बालक, 26 बालिका सहित कुल 30 बच्चों को तलाश किया।"
    )
    assert month_sentence(july, "en") == (
        "In July, 30 children were traced: 3 boys, 26 girls and 1 other."
    )


def press_note(earlier: int = 0) -> MonthlyStatistics:
    period = Period(date(2026, 1, 1), date(2026, 9, 30))
    registered = Tally(by_case_type={CaseType.KIDNAPPING: SexCounts(0, 319, 319)})
    total = month(period.first_day, period.last_day, SexCounts(40, 383, 423), registered, "total")
    return MonthlyStatistics(period, (), total, SexCounts(0, earlier, earlier))


def test_the_period_sentence_reads_like_the_press_note() -> None:
    assert period_sentence(press_note(), "hi") == (
        "1 जनवरी से 30 सितंबर 2026 तक 40 बालक, 383 बालिका सहित कुल 423 बच्चों को तलाश किया। "
        "इसी अवधि में बालिकाओं के अपहरण के 319 प्रकरण पंजीबद्ध हुए।"
    )
    assert period_sentence(press_note(), "en") == (
        "From 1 January to 30 September 2026, 423 children were traced: 40 boys and "
        "383 girls. In the same period 319 kidnapping cases of girls were registered."
    )


def test_the_period_sentence_says_how_many_were_registered_before_it() -> None:
    assert period_sentence(press_note(earlier=104), "en").endswith(
        "Of the children traced, 104 had been registered before 1 January 2026."
    )
    assert period_sentence(press_note(earlier=104), "hi").endswith(
        "तलाश किए गए बच्चों में 104 ऐसे हैं जिनकी गुमशुदगी 1 जनवरी 2026 से पहले दर्ज हुई थी।"
    )
