from django.urls import path

from supportfirst.wording import views

app_name = "wording"

urlpatterns = [path("wording/check/", views.check_text, name="check")]
