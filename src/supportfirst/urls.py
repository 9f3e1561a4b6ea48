from django.urls import include, path

urlpatterns = [
    path("", include("supportfirst.pages.urls")),
    path("", include("supportfirst.accounts.urls")),
    path("staff/", include("supportfirst.frontdoor.staff_urls")),
    path("staff/", include("supportfirst.accounts.people_urls")),
    path("staff/", include("supportfirst.frontdoor.urls")),
    path("staff/", include("supportfirst.pathway.staff_urls")),
    path("staff/", include("supportfirst.vocabulary.urls")),
    path("staff/", include("supportfirst.wording.urls")),
    path("staff/", include("supportfirst.assessments.urls")),
    path("staff/", include("supportfirst.eligibility.staff_urls")),
    path("staff/", include("supportfirst.plans.staff_urls")),
    path("staff/", include("supportfirst.letters.staff_urls")),
    path("staff/", include("supportfirst.asking.staff_urls")),
    path("staff/", include("supportfirst.corrections.staff_urls")),
    path("staff/", include("supportfirst.complaints.staff_urls")),
    path("staff/", include("supportfirst.notifications.staff_urls")),
    path("staff/", include("supportfirst.subject_access.staff_urls")),
    path("staff/", include("supportfirst.feedback.staff_urls")),
    path("staff/", include("supportfirst.api.admin_urls")),
    path("staff/", include("supportfirst.localprotocol.staff_urls")),
    path("staff/", include("supportfirst.training.urls")),
    path("staff/", include("supportfirst.figures.urls")),
    path("staff/", include("supportfirst.retention.urls")),
    path("criteria/", include("supportfirst.eligibility.public_urls")),
    path("ask/", include("supportfirst.asking.urls")),
    path("protocol-audit/", include("supportfirst.protocols.urls")),
    path("protocol/", include("supportfirst.localprotocol.public_urls")),
    path("api/v1/", include("supportfirst.api.urls")),
    path("family/", include("supportfirst.frontdoor.family_urls")),
    path("family/", include("supportfirst.assessments.family_urls")),
    path("family/", include("supportfirst.eligibility.family_urls")),
    path("family/", include("supportfirst.plans.family_urls")),
    path("family/", include("supportfirst.letters.family_urls")),
    path("family/", include("supportfirst.asking.family_urls")),
    path("family/", include("supportfirst.corrections.family_urls")),
    path("family/", include("supportfirst.complaints.family_urls")),
    path("family/", include("supportfirst.notifications.family_urls")),
    path("family/", include("supportfirst.subject_access.family_urls")),
    path("family/", include("supportfirst.feedback.family_urls")),
]

handler400 = "supportfirst.pages.views.bad_request"
handler403 = "supportfirst.pages.views.permission_denied"
handler404 = "supportfirst.pages.views.page_not_found"
handler500 = "supportfirst.pages.views.server_error"
