from django.urls import path

from supportfirst.returns import views, views_dashboard

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
]

urlpatterns += [
    path("returns/dashboard/", views_dashboard.dashboard_page, name="dashboard"),
    path(
        "returns/dashboard/download/",
        views_dashboard.dashboard_download,
        name="dashboard_download",
    ),
]
