from django.urls import path

from supportfirst.frontdoor import council_admin, staff_family, staff_home

app_name = "staff"

urlpatterns = [
    path("", staff_home.staff_home, name="home"),
    path("families/<int:family_id>/", staff_family.staff_family, name="family"),
    path("children/<int:child_id>/", staff_family.staff_child, name="child"),
    path("council-settings/", council_admin.council_settings_page, name="council_settings"),
    path("people/<int:person_id>/", council_admin.staff_contact, name="staff_contact"),
]
