from django.urls import path

from supportfirst.accounts import people_views, views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/code/", views.verify, name="verify"),
    path("sign-in/set-up-authenticator/", views.set_up_authenticator, name="set_up_authenticator"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("stay-signed-in/", views.stay_signed_in, name="stay_signed_in"),
    path("signed-out/", views.signed_out, name="signed_out"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_sent, name="password_reset_sent"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("invitation/<str:invite_token>/", people_views.accept_invitation, name="invitation"),
    path("password-reset/done/", views.password_reset_complete, name="password_reset_complete"),
]
