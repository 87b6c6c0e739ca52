from urllib.parse import urlencode

from axes.helpers import get_client_ip_address
from django.core import signing
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from community import links
from community.forms import FollowForm, ProposalForm
from community.models import Subscription
from community.notify import notify_coordinator, send_confirmation
from feedback.models import sender_hash
from publishing.ratelimit import form_refusal, hit, link_refusal, too_many

# What a followed selection leaves out of the browse page's query: the page and the order.
NOT_THE_SELECTION = {"page", "sort"}


def sender_of(request):
    """The salted hash of the client's address, as the feedback form counts senders."""
    return sender_hash(get_client_ip_address(request))


class LimitedFormView(FormView):
    """A form from the public: a bot that fills the hidden field is answered as a success
    and nothing is kept; one address may send `action` at most FORM_RATE times (counted
    across all app servers, publishing/ratelimit.py). A refused form keeps its text."""

    action = None

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_bot:
            return redirect(self.get_success_url())
        if not form.is_valid():
            return self.form_invalid(form)
        wait = hit(f"form:{self.action}", request, "FORM_RATE")
        if wait:
            form.add_error(None, form_refusal(wait))
            response = self.form_invalid(form, status=429)
            response["Retry-After"] = str(wait)
            return response
        return self.form_valid(form)

    def form_invalid(self, form, status=400):
        return self.render_to_response(self.get_context_data(form=form), status=status)


class ProposeView(LimitedFormView):
    """A member proposes a case, or a topic they would like covered; stored for curators,
    and the coordinator is told by e-mail."""

    template_name = "community/propose.html"
    form_class = ProposalForm
    action = "propose"

    def get_success_url(self):
        return reverse("community:propose-thanks")

    def form_valid(self, form):
        proposal = form.save(commit=False)
        proposal.sender_hash = sender_of(self.request)
        proposal.language = get_language() or ""
        proposal.save()
        notify_coordinator(proposal, self.request)
        return redirect(self.get_success_url())


class ProposeThanksView(TemplateView):
    template_name = "community/propose_thanks.html"


def selection_query(text):
    """The browse query string without the page and the order: the selection itself."""
    data = QueryDict(text.lstrip("?"))
    kept = [(k, v) for k, values in data.lists() if k not in NOT_THE_SELECTION for v in values]
    return urlencode(kept)


class FollowView(LimitedFormView):
    """Follow a browse selection by e-mail: stores an unconfirmed subscription and sends
    its confirmation link, the only message before it is confirmed."""

    template_name = "community/follow.html"
    form_class = FollowForm
    action = "follow"

    def get_initial(self):
        return {"query": selection_query(self.request.GET.urlencode())}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        query = form["query"].value() or ""
        context["browse_url"] = reverse("cases:list") + (f"?{query}" if query else "")
        return context

    def get_success_url(self):
        return reverse("community:follow-sent")

    def form_valid(self, form):
        subscription = Subscription.objects.create(
            email=form.cleaned_data["email"],
            query=selection_query(form.cleaned_data["query"]),
            language=get_language(),
            site=self.request.build_absolute_uri("/").rstrip("/"),
        )
        send_confirmation(subscription)
        return redirect(self.get_success_url())


class FollowSentView(TemplateView):
    template_name = "community/follow_sent.html"


def bad_link(request):
    return render(request, "community/bad_link.html", status=400)


class SignedLinkView(View):
    """A page reached from a signed link in an e-mail: GET shows what the button will do,
    POST does it. A link that was altered, or has expired, gets a readable 400."""

    template_name = None

    def dispatch(self, request, *args, **kwargs):
        # The buttons cost a database write; one address may press LINK_RATE of them.
        if request.method == "POST":
            wait = hit("link", request, "LINK_RATE")
            if wait:
                return too_many(request, link_refusal(wait), wait)
        return super().dispatch(request, *args, **kwargs)

    def subscription(self, code):
        try:
            token = self.token_of(code)
        except signing.BadSignature:
            return None
        return Subscription.objects.filter(token=token).first()

    def get(self, request, code):
        subscription = self.subscription(code)
        if subscription is None:
            return self.gone(request)
        return render(request, self.template_name, {"subscription": subscription, "done": False})


class ConfirmView(SignedLinkView):
    template_name = "community/confirm.html"
    token_of = staticmethod(links.token_of_confirm_code)

    def gone(self, request):
        return bad_link(request)

    def post(self, request, code):
        subscription = self.subscription(code)
        if subscription is None:
            return self.gone(request)
        with transaction.atomic():
            subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
            if subscription.confirmed_at is None:
                now = timezone.now()
                # The first digest lists what is new from now on, not the whole selection.
                subscription.confirmed_at = subscription.last_sent_at = now
                subscription.save(update_fields=["confirmed_at", "last_sent_at"])
        return render(request, self.template_name, {"subscription": subscription, "done": True})


@method_decorator(csrf_exempt, name="dispatch")
class LeaveView(SignedLinkView):
    """Stop following a selection. The signed code is the proof, so mail programs may
    POST to it in one click (List-Unsubscribe-Post, RFC 8058) without a CSRF token."""

    template_name = "community/leave.html"
    token_of = staticmethod(links.token_of_leave_code)

    def gone(self, request):
        # A valid link whose subscription is already gone: left before.
        try:
            links.token_of_leave_code(request.resolver_match.kwargs["code"])
        except signing.BadSignature:
            return bad_link(request)
        return render(request, self.template_name, {"done": True})

    def post(self, request, code):
        subscription = self.subscription(code)
        if subscription is None:
            return self.gone(request)
        # Nothing is kept of a selection no one follows: the address goes with it.
        subscription.delete()
        return render(request, self.template_name, {"done": True})
