from axes.helpers import get_client_ip_address
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language
from django.views.generic import FormView, TemplateView

from feedback.forms import FeedbackForm
from feedback.models import ServiceContact, sender_hash
from feedback.notify import notify_coordinator
from feedback.pages import site_path
from feedback.ratelimit import refusal
from feedback.statement import ASSESSMENT_METHODS, KNOWN_SHORTCOMINGS

# Pages that are never what a message is about, when the Referer names them.
NOT_THE_SUBJECT = {"accessibility", "feedback:form", "feedback:thanks"}


class StatementView(TemplateView):
    """The accessibility statement: the service's known shortcomings and how to tell us."""

    template_name = "accessibility.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contact=ServiceContact.objects.current(),
            shortcomings=KNOWN_SHORTCOMINGS,
            methods=ASSESSMENT_METHODS,
            **kwargs,
        )


class FeedbackView(FormView):
    """The feedback form: stores the message for curators and e-mails the coordinator."""

    template_name = "feedback/feedback_form.html"
    form_class = FeedbackForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "host": self.request.get_host()}

    def get_initial(self):
        host = self.request.get_host()
        page = site_path(self.request.GET.get("page", ""), host)
        if not page:
            page = site_path(self.request.META.get("HTTP_REFERER", ""), host)
            if page and self.view_name(page) in NOT_THE_SUBJECT:
                page = ""
        return {"page": page}

    @staticmethod
    def view_name(path):
        try:
            return resolve(path.split("?", 1)[0]).view_name
        except Resolver404:
            return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=ServiceContact.objects.current(), **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_bot:
            # Answered as a success, so that the bot learns nothing; nothing is kept or sent.
            return self.thanks(bool(request.POST.get("email", "").strip()))
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_invalid(self, form, status=400, **context):
        return self.render_to_response(self.get_context_data(form=form, **context), status=status)

    def form_valid(self, form):
        digest = sender_hash(get_client_ip_address(self.request))
        refused = refusal(digest)
        if refused:
            text, wait = refused
            form.add_error(None, text)
            response = self.form_invalid(form, status=429)
            response["Retry-After"] = str(wait)
            return response
        message = form.save(commit=False)
        message.sender_hash = digest
        message.language = get_language() or ""
        message.save()
        notify_coordinator(message, ServiceContact.objects.current(), self.request)
        return self.thanks(bool(message.email))

    def thanks(self, reply):
        url = reverse("feedback:thanks")
        return redirect(f"{url}?reply=email" if reply else url)


class ThanksView(TemplateView):
    template_name = "feedback/thanks.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            expects_reply=self.request.GET.get("reply") == "email",
            contact=ServiceContact.objects.current(),
            **kwargs,
        )
