"""A small line chart of an indicator, drawn on the server as SVG: the baseline, the values
measured since and the target, each a point at its year, with the same facts in words as
its text alternative."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from cases.models.money import number

register = template.Library()

WIDTH, HEIGHT, PAD = 240, 96, 22


def described(indicator):
    """The chart's text alternative: every point it draws, in words."""
    parts = [gettext("Baseline %(value)s") % {"value": indicator.baseline_text}]
    parts += [
        gettext("measured %(value)s in %(year)s")
        % {"value": f"{number(m.value)} {indicator.unit}".strip(), "year": m.year}
        for m in indicator.measurements.all()
    ]
    parts.append(gettext("target %(value)s") % {"value": indicator.target_text})
    return f"{indicator.name}: " + ", ".join(parts) + "."


@register.simple_tag
def indicator_chart(indicator):
    """The chart, or nothing when fewer than two points have both a year and a value."""
    points = indicator.points
    if len(points) < 2:
        return ""
    years = [year for year, _value in points]
    values = [value for _year, value in points]
    low, high = min(values), max(values)
    span_x, span_y = (max(years) - min(years)) or 1, (high - low) or 1

    def x(year):
        return round(PAD + (year - min(years)) * (WIDTH - 2 * PAD) / span_x, 1)

    def y(value):
        return round(HEIGHT - PAD - float(value - low) * (HEIGHT - 2 * PAD) / float(span_y), 1)

    target = (indicator.target_year, indicator.target_value)
    shapes = format_html_join(
        "",
        '<circle class="{}" cx="{}" cy="{}" r="4"></circle>',
        (
            ("chart-target" if (year, value) == target else "chart-point", x(year), y(value))
            for year, value in points
        ),
    )
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle">{}</text>',
        ((x(year), HEIGHT - 4, year) for year in dict.fromkeys(years)),
    )
    line = " ".join(f"{x(year)},{y(value)}" for year, value in points)
    chart_id = f"chart-{indicator.key}"
    return format_html(
        '<svg class="indicator-chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
        'aria-labelledby="{}"><title id="{}">{}</title>'
        '<polyline class="chart-line" points="{}"></polyline>{}{}</svg>',
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        described(indicator),
        line,
        shapes,
        labels,
    )
