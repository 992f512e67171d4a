from django.urls import path

from corridor.taxonomy import views

app_name = "taxonomy"
urlpatterns = [
    path("", views.index, name="index"),
    path("objectives/<int:number>/", views.objective_detail, name="objective_detail"),
]
