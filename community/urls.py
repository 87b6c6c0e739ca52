from django.urls import path

from community import views

app_name = "community"
urlpatterns = [
    path("propose/", views.ProposeView.as_view(), name="propose"),
    path("propose/thanks/", views.ProposeThanksView.as_view(), name="propose-thanks"),
    path("follow/", views.FollowView.as_view(), name="follow"),
    path("follow/sent/", views.FollowSentView.as_view(), name="follow-sent"),
    path("follow/confirm/<str:code>/", views.ConfirmView.as_view(), name="confirm"),
    path("follow/stop/<str:code>/", views.LeaveView.as_view(), name="leave"),
]
