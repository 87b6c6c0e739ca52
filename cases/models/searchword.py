from django.db import models


class SearchWord(models.Model):
    """A word some case's search document holds (folded to ASCII), for correcting typos in
    searches (cases/search.py). Derived: never edited, never exported."""

    word = models.CharField(max_length=100, unique=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    def __str__(self):
        return self.word
