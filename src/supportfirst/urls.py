from django.urls import include, path

urlpatterns = [
    path("", include("supportfirst.pages.urls")),
    path("", include("supportfirst.accounts.urls")),
    path("staff/", include("supportfirst.families.staff_urls")),
    path("staff/", include("supportfirst.pathway.staff_urls")),
    path("staff/", include("supportfirst.vocabulary.urls")),
    path("staff/", include("supportfirst.wording.urls")),
    path("staff/", include("supportfirst.assessments.urls")),
    path("api/v1/", include("supportfirst.api.urls")),
    path("family/", include("supportfirst.families.family_urls")),
    path("family/", include("supportfirst.assessments.family_urls")),
]

handler400 = "supportfirst.pages.views.bad_request"
handler403 = "supportfirst.pages.views.permission_denied"
handler404 = "supportfirst.pages.views.page_not_found"
handler500 = "supportfirst.pages.views.server_error"
