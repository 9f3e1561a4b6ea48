from django.urls import path

from supportfirst.letters import staff_views as views

app_name = "letters"

urlpatterns = [
    path("letters/", views.letter_list, name="list"),
    path("letters/new/", views.letter_new, name="new"),
    path("letters/<int:letter_id>/", views.letter_detail, name="letter"),
    path("letters/<int:letter_id>/paragraph/", views.letter_paragraph, name="paragraph"),
    path("letters/<int:letter_id>/send/", views.letter_send, name="send"),
    path("letters/<int:letter_id>/pdf/", views.letter_pdf, name="pdf"),
]
