"""The related rows of one object, with each relation's SQL compiled once.

A case page reads one case and a dozen relations of it. The SQL of each relation is the
same for every case but for the case's id, yet Django builds and compiles it anew on
every request, which costs several times more than running it (about 0.5 ms of Python
against 0.03 ms of SQL per relation, measured on a case page). `OnePrefetch(lookups)`
does what `prefetch_related_objects([obj], *lookups())` does for one object: it fills the
same prefetch cache, so `obj.sources.all()` reads no more, with one query per relation;
but it compiles each relation's query once per process, database connection and
language (orderings may follow the language), for a stand-in object, and afterwards only
puts the object's id in place of the stand-in's. On PostgreSQL the queries then go to the
database together, in one round trip (psycopg's pipeline mode), bound on the server and
prepared once a connection has run them a few times.

Reverse foreign keys, many-to-many fields and django-taggit's relations are fetched so;
lookups that span more than one relation go through `prefetch_related_objects`. A
`Prefetch` queryset's own `prefetch_related` lookups run as usual.

`CompiledQuery` does the same for any small read made on every request (the content
version, a case by its slug): its SQL is compiled once, and each call runs it with other
values in place of the stand-ins.
"""

import copy
import threading
from contextlib import nullcontext

import psycopg
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.fields.related_descriptors import (
    ManyToManyDescriptor,
    ReverseManyToOneDescriptor,
)
from django.utils.translation import get_language
from taggit.managers import TaggableManager

# The stand-in's id: one no table holds, and no other parameter of these queries equals.
STAND_IN_PK = -918_273_645


class OnePrefetch:
    """`prefetch_related_objects([obj], *lookups())` for one object at a time.

    `lookups` is called once per model and language (a `Prefetch` queryset may order by
    the language's text) and returns names or `Prefetch` objects, as `prefetch_related`
    takes.
    """

    def __init__(self, lookups):
        self.lookups = lookups
        self.plans = {}
        self.compiled = threading.local()

    def __call__(self, obj):
        own, rest = self._plan(type(obj))
        using = router.db_for_read(type(obj), instance=obj)
        store = _store(self.compiled, using)
        cache = obj.__dict__.setdefault("_prefetched_objects_cache", {})
        fetched = {
            cache_name: self._rows(obj, store, using, key, name, queryset)
            for key, name, queryset, cache_name in own
        }
        _fetch_on_postgresql(fetched.values())
        for cache_name, rows in fetched.items():
            rows._fetch_all()  # with its own lookups, a Prefetch queryset's
            cache[cache_name] = rows
        if rest:
            prefetch_related_objects([obj], *rest)
        return obj

    def _plan(self, model):
        """(the lookups fetched here, as (compile key, name, queryset, cache name); those
        left to `prefetch_related_objects`), worked out once per model and language."""
        language = get_language()
        if (model, language) not in self.plans:
            own, rest = [], []
            for index, lookup in enumerate(self.lookups()):
                name, queryset = _parts(lookup)
                cache_name = _cache_name(model, name, queryset)
                if cache_name is None:
                    rest.append(lookup)
                else:
                    own.append(((model, index, language), name, queryset, cache_name))
            self.plans[model, language] = own, rest
        return self.plans[model, language]

    def _rows(self, obj, store, using, key, name, queryset):
        """The stand-in's related rows, made to run their compiled SQL with `obj`'s id in
        the stand-in's place."""
        if key not in store:
            stand_in = obj.__class__(pk=STAND_IN_PK)
            stand_in._state.db = using
            store[key] = _compile(_related_rows(stand_in, name, queryset), [STAND_IN_PK])
        rows = _replay(store[key], [obj.pk])
        # As the reverse foreign key's manager does: each row's case is `obj` itself.
        rows._known_related_objects = {
            field: {obj.pk: obj} for field in rows._known_related_objects
        }
        return rows


class CompiledQuery:
    """The queryset `build(*stand_ins)`, its SQL compiled once per thread, database and
    language; `query(*values)` is a copy that runs that SQL with `values` in the
    stand-ins' places.

    Only iterate what it returns: a further filter, slice or `get()` would be compiled
    anew from the stand-ins' query and still run the stored SQL.
    """

    def __init__(self, build, *stand_ins):
        self.build, self.stand_ins = build, list(stand_ins)
        self.compiled = threading.local()

    def __call__(self, *values, using=DEFAULT_DB_ALIAS):
        store = _store(self.compiled, using)
        language = get_language()
        if language not in store:
            rows = self.build(*self.stand_ins).using(using)
            store[language] = _compile(rows, self.stand_ins)
        rows = _replay(store[language], values)
        _fetch_on_postgresql([rows])
        return rows

    def row(self, *values, using=DEFAULT_DB_ALIAS):
        """The first row for `values`, or None."""
        return next(iter(self(*values, using=using)), None)


def _store(local, using):
    """This thread's compiled queries for the database `using`, dropped when its
    connection is another one (a test's settings, another backend)."""
    connection = connections[using]
    stores = local.__dict__.setdefault("stores", {})
    if using not in stores or stores[using][0] is not connection:
        stores[using] = connection, {}
    return stores[using][1]


def _replay(compiled, values):
    """A copy of the compiled queryset that runs its SQL with `values` in the places of
    the stand-ins."""
    rows, compiler, sql, params, places = compiled
    rows = rows._chain()
    params = list(params)
    for position, which in places:
        params[position] = values[which]
    replay = copy.copy(compiler)
    replay.as_sql = lambda *args, **kwargs: (sql, tuple(params))
    rows.query.get_compiler = lambda *args, **kwargs: replay
    rows.replay = replay
    return rows


def _fetch_on_postgresql(all_rows):
    """On PostgreSQL, run the compiled queries of `all_rows` now and hand each compiler its
    rows; elsewhere each runs when it is read.

    They are bound on the server, so that psycopg prepares each once the connection has
    run it `prepare_threshold` times (settings.py; planning was most of the database's
    work for a case page), and more than one go in one round trip (psycopg's pipeline
    mode; the round trips were a third of a case page's time).
    """
    all_rows = list(all_rows)
    if not all_rows:
        return
    connection = connections[all_rows[0].db]
    if connection.vendor != "postgresql":
        return
    # As Django does before any query of a request: a connection that fails its health
    # check (the server restarted, say) is replaced, not used.
    connection.validate_thread_sharing()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    together = len(all_rows) > 1 and psycopg.Pipeline.is_supported()
    cursors = []
    try:
        with connection.connection.pipeline() if together else nullcontext():
            for rows in all_rows:
                cursor = _server_bound_cursor(connection)
                cursors.append(cursor)
                cursor.execute(*rows.replay.as_sql())
        for rows, cursor in zip(all_rows, cursors, strict=True):
            found = cursor.fetchall()
            rows.replay.execute_sql = lambda *args, found=found, **kwargs: [found]
    finally:
        for cursor in cursors:
            cursor.close()


def _server_bound_cursor(connection):
    """A cursor of Django's, logged as its others are, that binds parameters on the server
    (Django's own binds them in the client unless every query is to be bound so, which
    some of its querysets do not survive)."""
    cursor = ServerBindingCursor(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)
    return connection.make_cursor(cursor)


def _parts(lookup):
    if isinstance(lookup, Prefetch):
        if lookup.to_attr:
            raise ValueError("OnePrefetch fills the prefetch cache; to_attr is not supported")
        return lookup.prefetch_through, lookup.queryset
    return lookup, None


def _related_rows(obj, name, queryset):
    manager = getattr(obj, name)
    if queryset is None:
        return manager.get_queryset()
    return manager._apply_rel_filters(queryset._chain())


def _cache_name(model, name, queryset):
    """Where Django keeps the relation's rows in the prefetch cache; None for what
    `prefetch_related_objects` should fetch instead."""
    if "__" in name:
        return None
    descriptor = getattr(model, name, None)
    if isinstance(descriptor, ManyToManyDescriptor):
        return getattr(model(pk=STAND_IN_PK), name).prefetch_cache_name
    if isinstance(descriptor, ReverseManyToOneDescriptor):
        return descriptor.field.remote_field.cache_name
    # django-taggit's relation, which takes no queryset of its own.
    if queryset is None and isinstance(model._meta.get_field(name), TaggableManager):
        return name
    return None


def _compile(rows, stand_ins):
    """(rows, its compiler, SQL, parameters, [(parameter position, stand-in index)])."""
    compiler = rows.query.get_compiler(using=rows.db)
    sql, params = compiler.as_sql()
    places = [
        (position, stand_ins.index(value))
        for position, value in enumerate(params)
        if value in stand_ins
    ]
    if {which for _position, which in places} != set(range(len(stand_ins))):
        raise ValueError(f"the query of {rows.model.__name__} does not use every stand-in")
    return rows, compiler, sql, params, places
