"""The propagation check: a change saved through one node is seen at once through the other.

`deploy/cluster.py --check` runs it against its two nodes, each asked directly (not through
the balancer), so that which node answers is certain. A curator signs in through node 1
and the same session is used on node 2 (sessions live in the shared database). A draft
case made for the check is then
1. published with the admin's workflow action through node 1, and at once found through
   node 2 on its page, in the browse list and in /api/v1/cases/;
2. renamed through node 2's admin change form, and the new title found through node 1;
3. archived through node 1: gone from node 2's browse list and API (an archived case
   keeps its page);
4. returned to draft through node 1: its page answers 404 through node 2.
Before each change the pages that will be checked are fetched twice, anonymously, through
the node that checks them, so that those the page cache may store sit in it (the check
says which did): what is checked is that the cache, shared in Redis and kept under the
content version, serves nothing stale through any node.
The case is deleted and the curator's password made unusable at the end.

The requests go through deploy/webclient.py, which keeps the site's Secure cookies by hand
over plain HTTP and says `X-Forwarded-Proto: https`, as production's balancer does.
"""

import json
import secrets

from webclient import Browser, anonymous, errors_on, form_fields

SETUP = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from cases.models import Case, Theme
user, _created = get_user_model().objects.get_or_create(username={username!r})
user.is_staff = True
user.is_active = True
user.set_password({password!r})
user.save()
user.groups.add(Group.objects.get(name="Curator"))
case = Case.objects.create(
    slug={slug!r},
    title_fi={titles[fi]!r},
    title_sv={titles[sv]!r},
    title_en={titles[en]!r},
    summary_fi="Klusterin tarkistuksen luonnos.",
    summary_sv="Utkast för klusterkontrollen.",
    summary_en="A draft for the cluster check.",
    country="SE",
    scale=Case.Scale.REGIONAL,
    instrument=Case.Instrument.AGREEMENT,
)
case.themes.add(Theme.objects.order_by("position").first())
print(json.dumps({{"pk": case.pk, "state": case.state}}))
"""

CLEANUP = """
import json
from django.contrib.auth import get_user_model
from cases.models import Case
deleted, _rows = Case.objects.filter(slug={slug!r}).delete()
for user in get_user_model().objects.filter(username={username!r}):
    user.set_unusable_password()
    user.save()
print(json.dumps({{"deleted": deleted}}))
"""

USERNAME = "cluster-check"


class CheckFailed(Exception):
    pass


class Check:
    """The check's steps, printed as they pass; the first failure stops it."""

    def __init__(self, node1, node2, shell):
        self.nodes = {1: node1, 2: node2}
        self.shell = shell
        self.passed = 0
        token = secrets.token_hex(4)
        self.slug = f"cluster-check-{token}"
        self.titles = {
            "fi": f"Klusteritesti {token}",
            "sv": f"Klustertest {token}",
            "en": f"Cluster check {token}",
        }
        self.renamed = {
            "fi": f"Klusteritesti {token}, nimetty uudelleen",
            "sv": f"Klustertest {token}, omdöpt",
            "en": f"Cluster check {token}, renamed",
        }
        self.curator = Browser()
        self.pk = None
        self.warmed = self.cached = 0  # anonymous pages fetched before a change, and stored

    def expect(self, condition, message):
        if not condition:
            raise CheckFailed(message)
        self.passed += 1
        print(f"    ok  {message}", flush=True)

    def step(self, message):
        print(f"  {message}", flush=True)

    @property
    def page(self):
        return f"/cases/{self.slug}/"

    # Setting up.

    def set_up(self):
        password = secrets.token_urlsafe(24)
        self.step(f"Making the curator {USERNAME!r} and the draft case {self.slug} (manage.py)")
        made = self.shell(
            SETUP.format(username=USERNAME, password=password, slug=self.slug, titles=self.titles)
        )
        self.pk = made["pk"]
        self.expect(made["state"] == "draft", f"the case (id {self.pk}) is a draft")
        self.sign_in(password)

    def sign_in(self, password):
        self.step("Signing in to the admin through node 1")
        login = self.curator.get(self.nodes[1], "/admin/login/?next=/admin/")
        fields = dict(form_fields(login.text, "login-form"))
        fields.update(username=USERNAME, password=password)
        answer = self.curator.post(self.nodes[1], "/admin/login/?next=/admin/", fields)
        self.expect(
            answer.status == 302 and answer.headers["Location"].endswith("/admin/"),
            f"node 1 signs the curator in (cookies {', '.join(sorted(self.curator.cookies))})",
        )
        index = self.curator.get(self.nodes[2], "/admin/")
        self.expect(
            index.status == 200 and "/admin/cases/case/" in index.text,
            "node 2 accepts the session that node 1 made (sessions are in the database)",
        )

    def clean_up(self):
        if self.pk is not None:
            done = self.shell(CLEANUP.format(slug=self.slug, username=USERNAME))
            self.step(f"Deleted the check's case ({done['deleted']} rows with its links)")

    # The admin's two ways of changing a case.

    def workflow_action(self, node, action):
        changelist = "/admin/cases/case/"
        page = self.curator.get(self.nodes[node], changelist)
        token = dict(form_fields(page.text, "changelist-form"))["csrfmiddlewaretoken"]
        data = {
            "csrfmiddlewaretoken": token,
            "action": action,
            "_selected_action": self.pk,
            "index": "0",
            "select_across": "0",
        }
        answer = self.curator.post(self.nodes[node], changelist, data)
        self.expect(answer.status == 302, f"node {node} runs the admin action {action!r}")

    def rename(self, node):
        path = f"/admin/cases/case/{self.pk}/change/"
        form = self.curator.get(self.nodes[node], path)
        renamed = {f"title_{language}": title for language, title in self.renamed.items()}
        fields = [(n, renamed.get(n, v)) for n, v in form_fields(form.text, "case_form")]
        answer = self.curator.post(self.nodes[node], path, [*fields, ("_save", "Save")])
        self.expect(
            answer.status == 302,
            f"node {node} saves the new title from the admin's change form"
            + ("" if answer.status == 302 else f": {answer.status}, {errors_on(answer.text)}"),
        )

    # What the public sees.

    def warm(self, node, paths):
        """Fetch each page twice, anonymously, so that the second answer is the page cache's
        if the page may be stored there."""
        self.step(f"Fetching {', '.join(paths)} twice through node {node}, anonymously")
        for path in paths:
            first, second = (anonymous(self.nodes[node], path) for _time in range(2))
            if first.status != 200:
                continue
            self.warmed += 1
            etag = second.headers.get("ETag")
            if "public" in second.headers.get("Cache-Control", "") and etag:
                self.cached += 1
                print(f"        {path}: in the page cache, ETag {etag}", flush=True)
            else:
                reason = "sets a cookie" if first.headers.get("Set-Cookie") else "not shared"
                print(f"        {path}: not stored in the page cache ({reason})", flush=True)

    def api_slugs(self, node):
        answer = anonymous(self.nodes[node], "/api/v1/cases/")
        self.expect(answer.status == 200, f"node {node}: /api/v1/cases/ answers 200")
        return {record["slug"]: record for record in answer.json()["results"]}

    def listed(self, node):
        answer = anonymous(self.nodes[node], "/cases/")
        self.expect(answer.status == 200, f"node {node}: /cases/ answers 200")
        return answer.text

    # The check.

    def run(self):
        public = [self.page, "/cases/", "/api/v1/cases/"]
        self.set_up()

        self.step("1. Publish through node 1, look through node 2")
        self.warm(2, public)
        self.expect(anonymous(self.nodes[2], self.page).status == 404, "node 2: draft is 404")
        self.workflow_action(1, "publish")
        page = anonymous(self.nodes[2], self.page)
        self.expect(
            page.status == 200 and self.titles["fi"] in page.text,
            f"node 2: the case page answers 200 with its title ({page.status})",
        )
        self.expect(self.page in self.listed(2), "node 2: the browse list links to the case")
        self.expect(self.slug in self.api_slugs(2), "node 2: the API lists the case")

        self.step("2. Rename through node 2, look through node 1")
        self.warm(1, public)
        self.rename(2)
        page = anonymous(self.nodes[1], self.page)
        self.expect(
            page.status == 200 and self.renamed["fi"] in page.text,
            "node 1: the case page shows the new title",
        )
        self.expect(self.renamed["fi"] in self.listed(1), "node 1: the browse list shows it")
        record = self.api_slugs(1).get(self.slug, {})
        self.expect(
            self.renamed["en"] in json.dumps(record, ensure_ascii=False),
            "node 1: the API gives the new title",
        )

        self.step("3. Archive through node 1, look through node 2")
        api_record = f"/api/v1/cases/{self.slug}/"
        self.warm(2, [*public, api_record])
        self.workflow_action(1, "archive")
        self.expect(self.page not in self.listed(2), "node 2: the browse list no longer has it")
        self.expect(self.slug not in self.api_slugs(2), "node 2: nor does the API's list")
        record = anonymous(self.nodes[2], api_record)
        self.expect(record.status == 404, f"node 2: its API record answers 404 ({record.status})")
        page = anonymous(self.nodes[2], self.page)
        self.expect(page.status == 200, "node 2: the archived case keeps its page")

        self.step("4. Return to draft through node 1, look through node 2")
        self.warm(2, [self.page])
        self.workflow_action(1, "unpublish")
        page = anonymous(self.nodes[2], self.page)
        self.expect(page.status == 404, f"node 2: the case page answers 404 ({page.status})")


def main(node1, node2, shell):
    """Run the check against two nodes' base URLs; `shell(code)` runs Python code in
    `manage.py shell` against the shared database and returns its last line as JSON.
    Returns the exit status."""
    print(f"\nPropagation check: node 1 {node1}, node 2 {node2}", flush=True)
    check = Check(node1, node2, shell)
    try:
        check.run()
    except (CheckFailed, OSError, LookupError, ValueError) as error:
        print(f"    FAILED  {error}", flush=True)
        print(f"Propagation check FAILED after {check.passed} passed checks: {error}")
        return 1
    finally:
        check.clean_up()
    print(
        f"Propagation check passed: {check.passed} checks; published, renamed, archived and "
        "unpublished through one node, each seen at once through the other; "
        f"{check.cached} of the {check.warmed} pages fetched before a change were in the "
        "page cache."
    )
    return 0
