"""Django's `loaddata`, checking every row as the admin would before the load is kept.

Django saves fixture rows raw: no field validators, no choices, no `clean()`, no check of
what the database does not enforce itself. A bad slug or a `javascript:` address would
load and break the pages that show it. Here each row goes through its model's validation
(what `full_clean()` does, see `validation_errors`); every bad row gives one line, and if
there is any, the command fails and its transaction leaves the database as it was.
"""

import json
import re

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.core.management.base import CommandError
from django.core.management.commands import loaddata
from django.db import DatabaseError, router, transaction
from django.db.models import CheckConstraint, UniqueConstraint
from django.utils import translation
from simple_history.models import HistoricalChanges

from cases import search
from publishing.models import ContentVersion


class Command(loaddata.Command):
    help = (
        "Installs the named fixture(s) in the database if every row passes its model's "
        "validation; otherwise lists the bad rows and installs nothing."
    )

    def loaddata(self, fixture_labels):
        self.problems = []
        self.deferred = []
        self.labels_left = len(fixture_labels)
        # The report in English, like the rest of the command's output (and Django's
        # validation messages in it), whatever LANGUAGE_CODE says.
        with (
            translation.override("en"),
            search.refreshed_once(self.using),
            ContentVersion.renewed_once(self.using),
        ):
            super().loaddata(fixture_labels)

    def load_label(self, fixture_label):
        self.label, self.row = fixture_label, 0
        try:
            super().load_label(fixture_label)
        except CommandError:
            raise
        except Exception as error:
            # Django could not even build the row: malformed JSON, an unknown model or
            # field, a value of the wrong type, or a reference to a row that is neither in
            # the database nor earlier in the file. Reading stops there; report it with
            # what was found before.
            reason = re.sub(r"^Problem installing fixture '.*?': ", "", one_line(error))
            self.problems.append(f"{self.label}, row {self.row + 1}: cannot be read: {reason}")
            raise CommandError(self.report()) from error
        self.labels_left -= 1
        if not self.labels_left:
            self.save_deferred()
            if self.problems:
                raise CommandError(self.report())

    def report(self):
        return "Nothing was loaded. Fix these rows and load again:\n" + "\n".join(self.problems)

    def save_obj(self, obj):
        self.row += 1
        instance, model = obj.object, type(obj.object)
        if (
            model._meta.app_config in self.excluded_apps
            or model in self.excluded_models
            or not router.allow_migrate_model(self.using, model)
        ):
            return super().save_obj(obj)  # not saved
        # A raw save bypasses Model.save(), which derives fields such as `published_at`.
        if hasattr(instance, "derive_fields"):
            instance.derive_fields()
        # History rows record what was, including links to rows deleted since: not curated
        # content, and never edited in the admin.
        errors = {}
        if not isinstance(instance, HistoricalChanges):
            errors = ValidationError(self.validation_errors(obj)).message_dict
        # Named only when needed (it may cost a query), and before a stand-in changes it.
        where = self.where(instance) if errors or obj.deferred_fields else None
        self.models.add(model)
        # Even a bad row is saved when the database takes it, so that the rows after it
        # that refer to it are read and checked too; nothing is kept in the end.
        saved = self.save_in_savepoint(obj)
        if not saved and errors:
            saved = self.save_stand_in(obj, errors)
        elif not saved:
            where = self.where(instance)
            errors = {NON_FIELD_ERRORS: [f"The database refused it: {self.refusal}"]}
        if saved and obj.deferred_fields:
            self.deferred.append((where, obj))
        if errors:
            fields = " ".join(
                " ".join(texts) if field == NON_FIELD_ERRORS else f"{field}: {' '.join(texts)}"
                for field, texts in errors.items()
            )
            self.problems.append(f"{where}: {fields}")
        return saved

    def save_in_savepoint(self, obj, deferred=False):
        """Save the row; if the database refuses it, say so and keep the transaction usable."""
        save = obj.save_deferred_fields if deferred else obj.save
        try:
            with transaction.atomic(using=self.using):
                save(using=self.using)
        except (DatabaseError, ValueError) as error:  # psycopg: ValueError for NUL
            self.refusal = one_line(error)  # PostgreSQL's come with a DETAIL line
            return False
        return True

    def save_stand_in(self, obj, errors):
        """Save a bad row the database refused (a check constraint, a length) with its bad
        fields at their defaults, so that the rows after it that refer to it can still be
        read and checked. Nothing of it is kept: the load fails."""
        names = {name for key in errors for name in key.split(", ")}
        for field in obj.object._meta.concrete_fields:
            if field.name in names:
                setattr(obj.object, field.attname, field.get_default())
        return self.save_in_savepoint(obj)

    def validation_errors(self, obj):
        """{field name(s): [errors]} from the model's own checks: what `full_clean()` does,
        but for what would misfire on fixture rows (see the comments).

        Many-to-many links are not checked (`full_clean()` does not either), and a
        `clean()` that read them would see them as they were before the load.
        """
        instance = obj.object
        # The deserializer leaves the database unset: look foreign keys and constraints up
        # in the one being loaded.
        instance._state.db = self.using
        # A row found by its natural key updates that row, but it comes out of the
        # deserializer marked as new, and the unique checks would count the row itself as
        # a clash. With a primary key set, excluding that key from the check is right
        # whether or not the row exists.
        instance._state.adding = not instance._is_pk_set()
        # Fields no form shows (derived search columns, timestamps) the admin never
        # validates either.
        exclude = {f.name for f in instance._meta.concrete_fields if not f.editable}
        errors = {}
        try:
            instance.clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            instance.clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # Model.validate_unique() is left out: it queries the default database whatever
        # --database names. It covers only unique=True fields (in this project's models
        # the primary keys and the goal tags' name and slug); the database enforces those,
        # and a clash still stops the load as "The database refused it". Our own
        # uniqueness rules are UniqueConstraints, checked below in the right database.
        exclude |= errors.keys() - {NON_FIELD_ERRORS}
        for model, constraints in instance.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model, instance, exclude=exclude, using=self.using)
                except ValidationError as error:
                    errors.setdefault(constrained_fields(model, constraint), []).append(error)
        return errors

    def save_deferred(self):
        """Save the rows with forward references, as Django would after the last fixture,
        but turning a reference that never came into a line of the report."""
        for where, obj in self.deferred:
            missing = [
                f"{field.name}: {field.related_model._meta.label_lower} "
                f"{json.dumps(key, ensure_ascii=False)} is neither in the database nor in "
                "the fixture."
                for field, key in missing_references(obj, self.using)
            ]
            if missing:
                self.problems.append(f"{where}: {' '.join(missing)}")
            elif not self.save_in_savepoint(obj, deferred=True):
                self.problems.append(f"{where}: The database refused it: {self.refusal}")
        self.deferred = []

    def where(self, instance):
        """The fixture, the row's number in it, its model and its natural key (else pk)."""
        try:
            key = list(instance.natural_key())
        except Exception:  # no natural key, or one that needs a row that is not there
            key = None
        if key:
            # Long texts (a milestone's event) cut short: the line should fit on a screen.
            key = [
                f"{part[:59]}…" if isinstance(part, str) and len(part) > 60 else part
                for part in key
            ]
            name = json.dumps(key, ensure_ascii=False, default=str)
        else:
            name = f"pk={instance.pk}"
        return f"{self.label}, row {self.row}: {instance._meta.label_lower} {name}"


def one_line(error):
    return " ".join(str(error).split())


def missing_references(obj, using):
    """(field, natural key) for each row a deserialized object refers to that is not in the
    database: what its deferred fields (forward references) still lack."""
    for field, value in obj.deferred_fields.items():
        manager = field.related_model._default_manager.db_manager(using)
        for key in value if field.many_to_many else [value]:
            try:
                manager.get_by_natural_key(*key)
            except ObjectDoesNotExist:
                yield field, key


def constrained_fields(model, constraint):
    """The fields a constraint is about, in the model's order, as one error-dict key."""
    names = set()
    if isinstance(constraint, UniqueConstraint):
        names = set(constraint.fields)
    elif isinstance(constraint, CheckConstraint):
        names = getattr(constraint.condition, "referenced_base_fields", set())
    fields = [f.name for f in model._meta.concrete_fields if f.name in names]
    return ", ".join(fields) or NON_FIELD_ERRORS
