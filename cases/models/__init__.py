"""The practice side: cases, their sources, figures and milestones, themes and goals."""

from cases.models.case import CASE_COUNTRIES, Case, CaseQuerySet, TaggedCase
from cases.models.inlines import KeyFigure, Milestone, Source
from cases.models.searchword import SearchWord
from cases.models.vocabulary import ClimateGoal, ClimateGoalQuerySet, Theme

__all__ = [
    "CASE_COUNTRIES",
    "Case",
    "CaseQuerySet",
    "ClimateGoal",
    "ClimateGoalQuerySet",
    "KeyFigure",
    "Milestone",
    "SearchWord",
    "Source",
    "TaggedCase",
    "Theme",
]
