from django.urls import path

from corridor.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.resource_list, name="resource_list"),
    path("submit/", views.resource_create, name="resource_create"),
    path("my/submissions/", views.my_submissions, name="my_submissions"),
    path("my/reviews/", views.review_list, name="review_list"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("secretariat/queue/", views.submission_queue, name="submission_queue"),
    path("calls/", views.call_list, name="call_list"),
    path("calls/new/", views.call_create, name="call_create"),
    path("calls/<slug:slug>/", views.call_detail, name="call_detail"),
    path("resources/<slug:slug>/", views.resource_detail, name="resource_detail"),
    path("resources/<slug:slug>/v/<int:number>/", views.resource_version, name="resource_version"),
    path("resources/<slug:slug>/history/", views.resource_history, name="resource_history"),
    path("resources/<slug:slug>/diff/", views.resource_diff, name="resource_diff"),
    path("resources/<slug:slug>/edit/", views.resource_edit, name="resource_edit"),
    path("resources/<slug:slug>/files/add/", views.file_add, name="file_add"),
    path("resources/<slug:slug>/files/<int:pk>/", views.file_download, name="file_download"),
    path("resources/<slug:slug>/files/<int:pk>/remove/", views.file_remove, name="file_remove"),
    path("resources/<slug:slug>/submit/", views.resource_submit, name="resource_submit"),
    path("resources/<slug:slug>/withdraw/", views.resource_withdraw, name="resource_withdraw"),
    path("resources/<slug:slug>/status/", views.submission_status, name="submission_status"),
    path("resources/<slug:slug>/manage/", views.resource_manage, name="resource_manage"),
    path(
        "resources/<slug:slug>/manage/<slug:action>/",
        views.resource_manage_action,
        name="resource_manage_action",
    ),
]
