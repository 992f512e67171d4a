from django.urls import path

from corridor.community import views

app_name = "community"
urlpatterns = [
    path("research-agenda/", views.research_agenda, name="research_agenda"),
    path("events/", views.event_list, name="event_list"),
]
