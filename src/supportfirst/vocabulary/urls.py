from django.urls import path

from supportfirst.vocabulary import views

app_name = "vocabulary"

urlpatterns = [
    path("vocabulary/", views.entry_list, name="list"),
    path("vocabulary/try/", views.entry_try, name="try"),
    path("vocabulary/new/", views.entry_new, name="new"),
    path("vocabulary/<int:entry_id>/", views.entry_edit, name="edit"),
    path("vocabulary/<int:entry_id>/retire/", views.entry_retire, name="retire"),
    path("vocabulary/<int:entry_id>/restore/", views.entry_restore, name="restore"),
]
