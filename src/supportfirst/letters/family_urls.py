from django.urls import path

from supportfirst.letters import family_views as views

app_name = "family_letters"

urlpatterns = [
    path("letters/", views.letter_list, name="list"),
    path("letters/<int:letter_id>/", views.letter_detail, name="letter"),
    path("letters/<int:letter_id>/pdf/", views.letter_pdf, name="pdf"),
]
