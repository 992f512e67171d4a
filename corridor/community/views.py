from django.shortcuts import render

from corridor.community import selectors


def research_agenda(request):
    topics = selectors.research_topic_list(user=request.user)
    return render(request, "community/research_agenda.html", {"topics": topics})


def event_list(request):
    events = selectors.event_list(user=request.user)
    return render(request, "community/event_list.html", {"events": events})
