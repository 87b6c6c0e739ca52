"""Search in every language: stems in `search_text` and `search_vector` (cases/search.py),
an FTS5 index that follows `search_text` on SQLite, trigram matching of `SearchWord` on
PostgreSQL, and every case's search columns filled anew."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from cases import search

FTS = search.FTS_TABLE
# The FTS5 table holds the three lines of search_text as three columns (A, B, C), kept in
# step by triggers, so that every way of writing search_text (a refresh, a bulk seed, a
# flush between tests) updates it.
SPLIT = """
    substr({row}.search_text, 1, instr({row}.search_text, char(10)) - 1),
    substr(
        substr({row}.search_text, instr({row}.search_text, char(10)) + 1), 1,
        instr(substr({row}.search_text, instr({row}.search_text, char(10)) + 1), char(10)) - 1
    ),
    substr(
        substr({row}.search_text, instr({row}.search_text, char(10)) + 1),
        instr(substr({row}.search_text, instr({row}.search_text, char(10)) + 1), char(10)) + 1
    )
"""
SQLITE_SQL = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(a, b, c, tokenize='unicode61 remove_diacritics 0')",
    f"""CREATE TRIGGER {FTS}_insert AFTER INSERT ON cases_case
        WHEN instr(new.search_text, char(10)) > 0 BEGIN
        INSERT INTO {FTS}(rowid, a, b, c) VALUES (new.id, {SPLIT.format(row="new")});
    END""",
    f"""CREATE TRIGGER {FTS}_update AFTER UPDATE OF search_text ON cases_case BEGIN
        DELETE FROM {FTS} WHERE rowid = old.id;
        INSERT INTO {FTS}(rowid, a, b, c)
            SELECT new.id, {SPLIT.format(row="new")} WHERE instr(new.search_text, char(10)) > 0;
    END""",
    f"""CREATE TRIGGER {FTS}_delete AFTER DELETE ON cases_case BEGIN
        DELETE FROM {FTS} WHERE rowid = old.id;
    END""",
]
SQLITE_REVERSE_SQL = [
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TRIGGER IF EXISTS {FTS}_update",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TABLE IF EXISTS {FTS}",
]
POSTGRES_SQL = [
    "CREATE INDEX cases_searchword_trigram ON cases_searchword USING gin (word gin_trgm_ops)",
]
POSTGRES_REVERSE_SQL = ["DROP INDEX IF EXISTS cases_searchword_trigram"]


class RunSQLOn(migrations.RunSQL):
    def __init__(self, vendor, *args, **kwargs):
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def fill_search_columns(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    pks = list(Case._base_manager.using(schema_editor.connection.alias).values_list("pk", flat=True))
    search.refresh(pks, model=Case, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0013_search_words"),
        ("glossary", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),
        RunSQLOn("postgresql", POSTGRES_SQL, POSTGRES_REVERSE_SQL),
        RunSQLOn("sqlite", SQLITE_SQL, SQLITE_REVERSE_SQL),
        migrations.RunPython(fill_search_columns, migrations.RunPython.noop),
    ]
