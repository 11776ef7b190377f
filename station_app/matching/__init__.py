"""Local matching of found children against missing-child complaints (no Qt, no network).

How a ranking is made, module by module:

* profile.py     - ChildProfile: a record's particulars, parsed once (marks, clothing...).
* features.py    - a profile reduced to numbers, hashes and bit masks.
* columns.py     - those numbers for many records, one numpy array per particular.
* index.py       - CandidateIndex: columns plus face vectors, updated one record at a time.
* exclusions.py  - the hard rules (sex, found before last seen, impossible age).
* grading.py     - the curves that turn a difference into evidence.
* numeric.py     - exclusions and numeric evidence for one query against many records.
* prefilter.py   - the first pass over every candidate: a cheap score, the short list.
* evidence.py    - the explained, field-by-field comparison of one pair.
* scorer.py      - combining evidence into a score in [0, 1] and a label.
* ranking.py     - rank(): first pass, then the short list scored in detail.
* results.py     - Evidence, Candidate, Ranking: what the UI and CLI receive.
* review.py      - the side-by-side rows of the review screen.
* descriptors.py - marks, clothing, languages and complexion as comparable facts.

With the database: db_profiles.py (records and face vectors as profiles), live_index.py
(indexes kept current as records change), decisions.py (confirm / reject / undo rows).
The services in station_app/services/matching.py and faces.py are what the GUI and CLI call.
"""
