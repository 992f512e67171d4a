from django.urls import path

from corridor.workplans import views

app_name = "workplans"
urlpatterns = [
    path("", views.workplan_list, name="workplan_list"),
    path("workstreams/", views.workstream_list, name="workstream_list"),
    path("<slug:slug>/", views.workplan_detail, name="workplan_detail"),
    path("<slug:workplan_slug>/<slug:slug>/", views.workstream_detail, name="workstream_detail"),
]
