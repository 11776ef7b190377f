"""Ranking a found child against an index of complaints: the true complaint first, explained."""

from __future__ import annotations

from dataclasses import replace

from station_app.domain import Kind
from station_app.matching.index import CandidateIndex
from station_app.matching.ranking import FaceSetting, rank
from station_app.matching.scorer import score_pair
from tests.matching.records import complaint, distractors, face, found, profile


def _index(*complaints: object, faces: dict[str, int] | None = None) -> CandidateIndex:
    index = CandidateIndex(Kind.MISSING, capacity=2)  # small, so the index has to grow
    for details in complaints:
        seed = (faces or {}).get(details.ref)  # type: ignore[attr-defined]
        vectors = (face(seed, 0.25, 1),) if seed is not None else ()
        index.add(profile(details, faces=vectors))  # type: ignore[arg-type]
    return index


def test_rajesh_in_devanagari_with_marks_in_hindi_ranks_first_among_distractors() -> None:
    index = _index(*distractors(), complaint("FIR 1/2026"))
    ranking = rank(index, profile(found()), top=3)
    best = ranking.candidates[0]
    assert best.ref == "FIR 1/2026"
    assert best.label == "likely"
    assert best.score > ranking.candidates[1].score
    reasons = {e.field: e.explanation for e in best.reasons_for}
    assert "राजेश" in reasons["name"] and "Rajesh" in reasons["name"]
    assert "mole on left cheek" in reasons["marks"]
    assert "red t-shirt" in reasons["clothing"]
    assert best.reasons_against == ()


def test_a_child_who_cannot_tell_a_name_is_found_by_marks_age_and_place() -> None:
    index = _index(*distractors(), complaint("FIR 1/2026"))
    nameless = found(name="", district="Ratlam", found_place="रतलाम जंक्शन")
    ranking = rank(index, profile(nameless), top=3)
    assert ranking.candidates[0].ref == "FIR 1/2026"
    name = next(e for e in ranking.candidates[0].evidence if e.field == "name")
    assert name.verdict == "neutral" and "cannot tell" in name.explanation


def test_every_candidate_carries_a_reason_for_each_particular() -> None:
    ranking = rank(_index(complaint()), profile(found()))
    fields = {e.field for e in ranking.candidates[0].evidence}
    assert fields == {
        "name", "face", "sex", "age", "height", "complexion", "marks", "clothing",
        "languages", "place", "time",
    }  # fmt: skip
    for evidence in ranking.candidates[0].evidence:
        assert -1 <= evidence.score <= 1 and evidence.weight > 0 and evidence.explanation


def test_hard_exclusions_are_counted_and_never_listed() -> None:
    index = _index(complaint("FIR 1/2026"), *distractors())
    ranking = rank(index, profile(found()), top=10)
    assert "FIR 7/2026" not in {c.ref for c in ranking.candidates}  # Pooja: a girl
    assert ranking.ruled_out == 1
    assert ranking.checked == 7


def test_skipped_ids_never_come_back() -> None:
    index = _index(*distractors(), complaint("FIR 1/2026"))
    ranking = rank(index, profile(found()), top=10, skip_ids={"FIR 1/2026"})
    assert "FIR 1/2026" not in {c.ref for c in ranking.candidates}


def test_faces_are_graded_evidence_and_can_lift_the_true_complaint() -> None:
    twins = [complaint("FIR 1/2026"), complaint("FIR 2/2026")]  # identical particulars
    index = _index(*twins, faces={"FIR 1/2026": 1, "FIR 2/2026": 2})
    child = profile(found(), faces=(face(1, 0.25, 2),))
    ranking = rank(index, child, top=2)
    first, second = ranking.candidates
    assert ranking.faces_used
    assert first.ref == "FIR 1/2026" and first.face_distance is not None
    assert second.face_distance is not None and second.face_distance > first.face_distance
    face_evidence = next(e for e in first.evidence if e.field == "face")
    assert face_evidence.verdict == "for" and "face distance" in face_evidence.explanation


def test_without_the_face_library_ranking_uses_particulars_and_says_so() -> None:
    index = _index(*distractors(), complaint("FIR 1/2026"), faces={"FIR 1/2026": 1})
    child = profile(found(), faces=(face(1),))
    off = FaceSetting(False, "Face matching is off: dlib could not be loaded.")
    ranking = rank(index, child, faces=off)
    assert not ranking.faces_used and "dlib" in ranking.faces_note
    assert ranking.candidates[0].ref == "FIR 1/2026"
    assert ranking.candidates[0].face_distance is None
    note = next(e for e in ranking.candidates[0].evidence if e.field == "face")
    assert note.verdict == "neutral" and "dlib" in note.explanation


def test_incremental_updates_give_the_same_ranking_as_a_rebuild() -> None:
    records = [*distractors(), complaint("FIR 1/2026"), complaint("FIR 8/2026", name="Amit")]
    seeds = {d.ref: i for i, d in enumerate(records)}
    changing = _index(*records, faces=seeds)
    # Edit two records, remove one, add one back with other particulars, add a new one.
    edited = complaint("FIR 3/2026", name="राजेश", marks="mole on left cheek")
    changing.add(profile(edited, faces=(face(3, 0.25, 1), face(30))))
    changing.add(profile(records[0], faces=()))
    changing.remove("FIR 5/2026")
    changing.remove("FIR 8/2026")
    changing.add(profile(replace(records[-1], age_years=10), faces=(face(7, 0.25, 1),)))
    final = [edited if d.ref == "FIR 3/2026" else d for d in records if d.ref != "FIR 5/2026"]
    final[-1] = replace(records[-1], age_years=10)
    rebuilt = CandidateIndex(Kind.MISSING)
    for details in final:
        vectors = {
            "FIR 3/2026": (face(3, 0.25, 1), face(30)),
            "FIR 2/2026": (),
        }.get(details.ref, (face(seeds[details.ref], 0.25, 1),))
        rebuilt.add(profile(details, faces=vectors))
    assert sorted(changing.ids()) == sorted(rebuilt.ids())
    for query in (found(), found(name="", marks=""), found(name="Amit", age_min=9, age_max=12)):
        child = profile(query, faces=(face(3, 0.25, 2),))
        a = rank(changing, child, top=10)
        b = rank(rebuilt, child, top=10)
        assert [(c.record_id, c.score, c.face_distance) for c in a.candidates] == [
            (c.record_id, c.score, c.face_distance) for c in b.candidates
        ]
        assert (a.checked, a.ruled_out) == (b.checked, b.ruled_out)


def test_a_complaint_can_be_ranked_against_found_children() -> None:
    index = CandidateIndex(Kind.FOUND)
    index.add(profile(found("GD 1/2026")))
    index.add(profile(found("GD 2/2026", name="Sunita", sex=None or found().sex, marks="")))
    ranking = rank(index, profile(complaint()))
    assert ranking.candidates[0].ref == "GD 1/2026"
    assert ranking.candidates[0].kind is Kind.FOUND


def test_ranked_scores_equal_the_scores_of_each_pair_alone() -> None:
    complaints = [*distractors(), complaint("FIR 1/2026")]
    children = [found("GD 1/2026"), found("GD 2/2026", name="", age_min=5, age_max=7)]
    missing_index = _index(*complaints, faces={"FIR 1/2026": 1, "FIR 3/2026": 3})
    found_index = CandidateIndex(Kind.FOUND)
    for child in children:
        found_index.add(profile(child, faces=(face(1, 0.25, 2),)))
    by_ref = {d.ref: d for d in [*complaints, *children]}
    vectors = {"FIR 1/2026": (face(1, 0.25, 1),), "FIR 3/2026": (face(3, 0.25, 1),)}
    queries = [
        (missing_index, profile(children[0], faces=(face(1, 0.25, 2),))),
        (found_index, profile(complaints[-1], faces=vectors["FIR 1/2026"])),
        (missing_index, profile(complaint("FIR 9/2026", name="Rajesh"))),  # duplicates
    ]
    for index, query in queries:
        for candidate in rank(index, query, top=10).candidates:
            details = by_ref[candidate.ref]
            faces = (
                vectors.get(details.ref, ())
                if details.ref.startswith("FIR")
                else (face(1, 0.25, 2),)
            )
            alone = score_pair(query, profile(details, faces=faces), candidate.face_distance)
            assert alone.score == candidate.score, (query.ref, candidate.ref)
