from django.urls import path

from supportfirst.accounts import people_views

app_name = "people"

urlpatterns = [
    path("people/", people_views.people_list, name="list"),
    path("people/invite/", people_views.invite, name="invite"),
    path("people/<int:person_id>/account/", people_views.person, name="person"),
    path("people/<int:person_id>/roles/", people_views.roles, name="roles"),
    path(
        "people/<int:person_id>/authenticator/",
        people_views.reset_second_factor,
        name="reset_second_factor",
    ),
    path("people/<int:person_id>/invite-again/", people_views.invite_again, name="invite_again"),
    path("people/<int:person_id>/close/", people_views.close, name="close"),
    path("people/<int:person_id>/reopen/", people_views.reopen, name="reopen"),
    path("teams/", people_views.teams, name="teams"),
]
