from django.urls import path

from supportfirst.asking import account_views, questions, views

app_name = "asking"

urlpatterns = [
    path("", views.councils, name="councils"),
    path("link-not-working/", views.link_not_working, name="link_not_working"),
    path("resume/<str:draft_token>/", views.resume, name="resume"),
    path("account/<str:invite_token>/", account_views.account, name="account"),
    *(
        path(
            f"<slug:council_slug>/{step.path}/", views.question, {"step": step.name}, name=step.name
        )
        for step in questions.STEPS
    ),
    path(
        "<slug:council_slug>/brothers-and-sisters/add/",
        views.sibling_add,
        name=questions.SIBLING_ADD,
    ),
    path(
        "<slug:council_slug>/brothers-and-sisters/list/",
        views.sibling_list,
        name=questions.SIBLING_LIST,
    ),
    path("<slug:council_slug>/check-your-answers/", views.check, name=questions.CHECK),
    path("<slug:council_slug>/request-sent/", views.sent, name="sent"),
    path("<slug:council_slug>/save/", views.save, name="save"),
    path("<slug:council_slug>/saved/", views.saved, name="saved"),
]
