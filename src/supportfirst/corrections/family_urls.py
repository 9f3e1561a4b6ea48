from django.urls import path

from supportfirst.corrections import family_views

app_name = "family_corrections"

urlpatterns = [
    path("corrections/", family_views.correction_list, name="list"),
    path("corrections/new/", family_views.correction_new, name="new"),
    path("corrections/<int:correction_id>/", family_views.correction_detail, name="correction"),
]
