# Placeholder view, replaced by the vocabulary work.
from django.http import HttpResponse


def index(request):
    return HttpResponse("vocabulary")
