"""Reading an admin change form back as the POST data a browser would send."""


def as_post_value(value):
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, (list, tuple)):
        return [str(getattr(item, "pk", item)) for item in value]
    return str(getattr(value, "pk", value))


def form_fields(form, data):
    for name in form.fields:
        value = as_post_value(form[name].value())
        if value is not None:
            data[form.add_prefix(name)] = value


def change_form_data(response, **changes):
    """The data of the admin form in `response`, with `changes` applied."""
    data = {}
    form_fields(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        form_fields(formset.management_form, data)
        for form in formset.forms:
            form_fields(form, data)
    data.update(changes)
    return {name: value for name, value in data.items() if value != "None"}
