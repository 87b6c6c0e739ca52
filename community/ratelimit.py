"""How many proposals or follow requests one address may send in an hour, counted in
Django's cache.

Keyed by the salted hash of the client's address (feedback.models.sender_hash, with the
address as axes determines it behind our proxies), so no address is kept even there. With
a shared cache (Redis, Memcached) the limit holds across the site's servers; with the
default per-process cache, per server.
"""

from django.core.cache import cache
from django.utils.translation import ngettext

HOUR = 60 * 60
PER_HOUR = 5


def over_limit(action, digest, limit=PER_HOUR):
    """Count one more `action` from the sender with this hash; (message, seconds to wait)
    when it is one too many for this hour, otherwise None."""
    key = f"community:{action}:{digest}"
    cache.add(key, 0, timeout=HOUR)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=HOUR)
        count = 1
    if count <= limit:
        return None
    text = ngettext(
        "You have already sent %(n)d form in the last hour, the most we take from one "
        "address. Please try again in an hour; your text is kept below.",
        "You have already sent %(n)d forms in the last hour, the most we take from one "
        "address. Please try again in an hour; your text is kept below.",
        limit,
    ) % {"n": limit}
    return text, HOUR
