"""Synthetic cases for benchmarks and scaling checks: realistic, reproducible, fast to write.

`seeding.seed()` writes them (the `seed_synthetic` command calls it); `additions` adds the
regions, organisations, goals and networks a database of that size would have; `writing`
makes each case's texts from the templates in `phrases`; `vocabulary` holds the real Nordic
towns, bodies and terms they are made of. Only `seeding` and `additions` touch the database.
"""
