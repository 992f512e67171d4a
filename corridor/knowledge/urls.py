from django.urls import path

from corridor.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.resource_list, name="resource_list"),
    path("resources/<slug:slug>/", views.resource_detail, name="resource_detail"),
]
