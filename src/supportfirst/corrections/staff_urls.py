from django.urls import path

from supportfirst.corrections import staff_views

app_name = "corrections"

urlpatterns = [
    path("corrections/", staff_views.correction_list, name="list"),
    path("corrections/<int:correction_id>/", staff_views.correction_answer, name="correction"),
]
