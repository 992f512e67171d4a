"""Files in, text out: good files are attached and read; bad files are refused with a clear
message and leave nothing behind."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from corridor.core.errors import ApplicationError
from corridor.knowledge import files as documents
from corridor.knowledge import services
from corridor.knowledge.models import Resource, ResourceFile
from corridor.knowledge.tests.conftest import practice_data
from corridor.knowledge.tests.documents import ENGLISH, FRENCH, make_docx, make_pdf, make_zip
from corridor.taxonomy.models import Objective

ENGLISH_LINES = (
    "Alternatives to detention keep families together.\n"
    "Case management by social workers helps migrants\n"
    "understand the procedures and comply with them."
)


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# -- checks on bytes -----------------------------------------------------------------------------


def test_a_pdf_and_a_docx_pass(settings):
    assert documents.check_file(make_pdf("One", "Two")).pages == 2
    assert documents.check_file(make_docx("Hello")).kind == documents.DOCX


BAD_FILES = {
    "empty": (b"", "is empty"),
    "corrupt pdf": (make_pdf(ENGLISH_LINES)[:300], "damaged"),
    "encrypted pdf": (make_pdf(ENGLISH_LINES, encrypted=True), "password"),
    "exe named .pdf": (b"MZ\x90\x00\x03" + b"\x00" * 200, "a program"),
    "html named .pdf": (b"<!DOCTYPE html><html><body>Hi</body></html>", "web page"),
    "renamed zip as .docx": (make_zip(), "ZIP archive"),
    "old .doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old-format"),
    "plain text": (b"Just some text", "not a PDF or a Word"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_files_are_refused_with_a_reason(db, case):
    content, message = BAD_FILES[case]
    with pytest.raises(ApplicationError, match=message):
        documents.check_file(content, name="report.pdf")


def test_oversized_file(settings):
    settings.KNOWLEDGE_MAX_FILE_BYTES = 1000
    with pytest.raises(ApplicationError, match="at most 1000"):
        documents.check_file(make_pdf(ENGLISH_LINES) + b"\n" * 1000, name="big.pdf")


def test_language_detection():
    assert documents.detect_language(ENGLISH) == "en"
    assert documents.detect_language(FRENCH) == "fr"
    assert (
        documents.detect_language("所有儿童都有受教育的权利，包括移民儿童。移民工人享有体面劳动。")
        == "zh"
    )
    assert documents.detect_language("لكل طفل الحق في التعليم، بما في ذلك أطفال المهاجرين") == "ar"
    assert documents.detect_language("ok") == ""


# -- through the services ------------------------------------------------------------------------


def test_create_with_a_pdf_extracts_text_after_commit(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        resource = services.resource_create(
            actor=people["submitter"],
            data=practice_data(),
            uploads=[upload("atd.pdf", make_pdf(ENGLISH_LINES, "Zanzibar pilot"))],
        )
    record = resource.files.get()
    assert record.kind == "pdf" and record.pages == 2
    assert record.extraction == ResourceFile.Extraction.DONE
    assert "Zanzibar pilot" in record.extracted_text
    assert record.language == "en"
    assert "Zanzibar" in resource.extracted_text


def test_docx_text_and_language(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        resource = services.resource_create(
            actor=people["submitter"],
            data=practice_data(language=""),
            uploads=[upload("note.docx", make_docx(FRENCH), "application/octet-stream")],
        )
    record = resource.files.get()
    assert record.original_name == "note.docx"
    assert record.language == "fr"
    resource.refresh_from_db()
    assert resource.language == "fr"  # it had none: taken from its file


def test_a_file_is_named_by_its_content(people, django_capture_on_commit_callbacks):
    resource = services.resource_create(
        actor=people["submitter"],
        data=practice_data(),
        uploads=[upload("scan.docx", make_pdf("A"))],
    )
    assert resource.files.get().original_name == "scan.pdf"


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_leaves_no_half_made_resource(people, case):
    content, message = BAD_FILES[case]
    with pytest.raises(ApplicationError, match=message):
        services.resource_create(
            actor=people["submitter"],
            data=practice_data(),
            uploads=[upload("good.pdf", make_pdf("Good")), upload("bad.pdf", content)],
        )
    assert not Resource.objects.exists()
    assert not ResourceFile.objects.exists()


def test_oversized_upload_is_refused_before_reading(people, settings):
    settings.KNOWLEDGE_MAX_FILE_BYTES = 500
    with pytest.raises(ApplicationError, match="at most 500"):
        services.resource_create(
            actor=people["submitter"],
            data=practice_data(),
            uploads=[upload("big.pdf", make_pdf(ENGLISH_LINES * 5))],
        )
    assert not Resource.objects.exists()


def test_add_and_remove_files(people, draft):
    record = services.resource_add_file(
        resource=draft, actor=people["submitter"], upload=upload("a.pdf", make_pdf("A"))
    )
    with pytest.raises(ApplicationError, match="already attached"):
        services.resource_add_file(
            resource=draft, actor=people["submitter"], upload=upload("b.pdf", make_pdf("A"))
        )
    with pytest.raises(ApplicationError):
        services.resource_add_file(
            resource=draft, actor=people["submitter"], upload=upload("x.pdf", b"")
        )
    services.resource_remove_file(file=record, actor=people["submitter"])
    assert not draft.files.exists()


def test_others_cannot_add_files(people, draft):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.resource_add_file(
            resource=draft, actor=people["other_member"], upload=upload("a.pdf", make_pdf("A"))
        )


def test_scanned_pdf_without_text(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        resource = services.resource_create(
            actor=people["submitter"], data=practice_data(), uploads=[upload("s.pdf", make_pdf(""))]
        )
    assert resource.files.get().extraction == ResourceFile.Extraction.EMPTY


# -- bulk import ---------------------------------------------------------------------------------


def run_import(*args):
    out = io.StringIO()
    call_command("import_resources", *args, "--no-progress", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_import_a_folder(db, tmp_path, django_capture_on_commit_callbacks):
    folder = tmp_path / "library"
    (folder / "sub").mkdir(parents=True)
    (folder / "alternatives_to_detention.pdf").write_bytes(make_pdf(ENGLISH_LINES))
    (folder / "sub" / "note.docx").write_bytes(make_docx(FRENCH, title="Note sur la détention"))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    (folder / "virus.pdf").write_bytes(b"MZ" + b"\x00" * 100)
    (folder / "readme.txt").write_text("ignored")
    with django_capture_on_commit_callbacks(execute=True):
        output = run_import(str(folder))
    assert "Imported 2, skipped 2." in output
    assert "skipped broken.pdf: broken.pdf is damaged" in output
    assert "skipped virus.pdf: virus.pdf is a program" in output
    titles = set(Resource.objects.values_list("title", flat=True))
    assert titles == {"Alternatives to detention", "Note sur la détention"}
    note = Resource.objects.get(title="Note sur la détention")
    assert note.status == Resource.Status.PUBLISHED and note.version == 1
    assert note.language == "fr"
    assert note.type == Resource.Type.REPORT
    # Again: everything is already there.
    output = run_import(str(folder))
    assert "Imported 0, skipped 4." in output
    assert "already imported" in output


def test_import_a_csv(db, tmp_path, django_capture_on_commit_callbacks):
    from corridor.directory.tests.factories import OrganisationFactory

    OrganisationFactory(slug="iom", acronym="IOM", name="International Organization for Migration")
    Objective.objects.get_or_create(number=13, defaults={"short_name": "Detention", "title": "x"})
    (tmp_path / "plan.pdf").write_bytes(make_pdf(ENGLISH_LINES))
    (tmp_path / "list.csv").write_text(
        "title,type,summary,publisher,objectives,published_on,file,slug,visibility\n"
        "Plan A,national_plan,A plan.,IOM,13,2020-05-01,plan.pdf,plan-a,members\n"
        "No title,,,,,,,,\n"
        ",report,Missing title,,,,,,\n"
        "Bad type,memo,x,,,,,,\n"
        "Bad org,report,x,Nobody,,,,,\n"
        "Bad date,report,x,,,May 2020,,,\n"
        "Missing file,report,x,,,,nothere.pdf,,\n",
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        output = run_import(str(tmp_path / "list.csv"), "--status", "draft")
    assert "Imported 2, skipped 5." in output, output
    plan = Resource.objects.get(slug="plan-a")
    assert plan.status == Resource.Status.DRAFT
    assert plan.visibility == "members" and plan.publisher.slug == "iom"
    assert list(plan.objectives.values_list("number", flat=True)) == [13]
    assert "families together" in plan.extracted_text
    for reason in ["no title", "unknown type 'memo'", "unknown organisation 'Nobody'",
                   "not a date", "file not found"]:  # fmt: skip
        assert reason in output


def test_import_of_a_missing_path_fails(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        run_import("/nonexistent/path")
