"""Services keep the search table in step: published resources (with their files' text) are in it,
drafts are not, withdrawn ones leave it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from corridor.knowledge import services
from corridor.knowledge.tests.documents import make_pdf
from corridor.search.models import Document


def document_of(resource):
    return Document.objects.filter(key=f"resource:{resource.pk}").first()


def test_publish_update_withdraw(people, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_add_file(
            resource=draft,
            actor=people["submitter"],
            upload=SimpleUploadedFile("p.pdf", make_pdf("Quokka shelters in Perth")),
        )
    assert document_of(draft) is None
    services.resource_submit(resource=draft, actor=people["submitter"])
    assert document_of(draft) is None
    services.resource_publish(resource=draft, actor=people["secretariat"])
    row = document_of(draft)
    assert row.title == draft.title and "Quokka shelters" in row.body
    services.resource_update(resource=draft, actor=people["secretariat"], data={"title": "Renamed"})
    assert document_of(draft).title == "Renamed"
    services.resource_withdraw(resource=draft, actor=people["secretariat"], reason="Old.")
    assert document_of(draft) is None


def test_text_extracted_after_publication_reaches_search(
    people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        resource = services.resource_create(
            actor=None,
            data={"type": "report", "title": "Imported", "summary": "x"},
            uploads=[("r.pdf", make_pdf("Wombat corridors"))],
            publish=True,
        )
    assert "Wombat corridors" in document_of(resource).body
