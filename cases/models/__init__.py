"""The practice side: cases, their sources, figures and milestones, money, commitments and
targets, themes and goals."""

from cases.models.case import CASE_COUNTRIES, Case, CaseQuerySet, TaggedCase
from cases.models.inlines import KeyFigure, Milestone, Source
from cases.models.money import Commitment, Funding, Indicator, Measurement, Party
from cases.models.searchword import SearchWord
from cases.models.vocabulary import ClimateGoal, ClimateGoalQuerySet, Theme

__all__ = [
    "CASE_COUNTRIES",
    "Case",
    "CaseQuerySet",
    "ClimateGoal",
    "ClimateGoalQuerySet",
    "Commitment",
    "Funding",
    "Indicator",
    "KeyFigure",
    "Measurement",
    "Milestone",
    "Party",
    "SearchWord",
    "Source",
    "TaggedCase",
    "Theme",
]
