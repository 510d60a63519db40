"""Many offices at once: a federation file, their builds on a CI matrix or locally, and one supervisory site.

A supervising body (OBEC over 245 area offices, a province over its agencies) lists its offices in
`federation.yml`. Each office is built as it builds alone, by its own job (roster.py, matrix.py,
build.py); the supervisory site (site.py) reads what every office already publishes, its OIT export
`/oit/<year>.json` (exports.py), and shows per office and per item what is ready, missing or out of
period before the assessment, when there is still time to fix it.
"""
