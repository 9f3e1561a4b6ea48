from django.urls import path

from supportfirst.returns import views, views_dashboard, views_registers

app_name = "returns"

urlpatterns = [
    path("returns/", views.returns_home, name="home"),
    path("returns/children/<int:child_id>/", views.child_details, name="child"),
    path("returns/requests/<int:request_id>/", views.request_details, name="request"),
    path(
        "returns/requests/by-reference/<str:reference>/",
        views.request_by_reference,
        name="request_by_reference",
    ),
    path("returns/cin-census/", views.cin_census_page, name="cin_census"),
    path("returns/cin-census/download/", views.cin_census_download, name="cin_census_download"),
    path("returns/register/", views_registers.register_page, name="register"),
    path("returns/register/download/", views_registers.register_download, name="register_download"),
    path("returns/equality/", views_registers.equality_page, name="equality"),
    path("returns/equality/download/", views_registers.equality_download, name="equality_download"),
]

from supportfirst.returns import views_annex_a  # noqa: E402

urlpatterns += [
    path("returns/annex-a/", views_annex_a.annex_a_page, name="annex_a"),
    path("returns/annex-a/workbook/", views_annex_a.annex_a_xlsx, name="annex_a_xlsx"),
    path("returns/annex-a/csv/", views_annex_a.annex_a_csv, name="annex_a_csv"),
]

urlpatterns += [
    path("returns/dashboard/", views_dashboard.dashboard_page, name="dashboard"),
    path(
        "returns/dashboard/download/",
        views_dashboard.dashboard_download,
        name="dashboard_download",
    ),
]
