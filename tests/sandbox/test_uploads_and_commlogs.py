"""POST /documents/Upload and POST /commlogs checked against Open Dental's documented rules."""
from __future__ import annotations

import base64

import pytest

PDF = base64.b64encode(b"%PDF-1.4 synthetic test packet").decode()
UPLOAD = {"PatNum": 1, "rawBase64": PDF, "extension": ".pdf"}
LETTERS = 155  # an image category (definition category 18) of the stock set


def test_an_attachment_lands_in_its_image_category(api):
    response = api.post(
        "documents/Upload",
        {
            **UPLOAD,
            "ImgType": "Attachment",
            "DocCategory": LETTERS,
            "Description": "Medical claim packet",
            "DateCreated": "2027-01-05 10:30:00",
            "ToothNumbers": "3-5,30",
            "PrintHeading": "true",
        },
    )
    assert response.status_code == 201
    created = response.json()
    listed = api.get("documents", PatNum=1).json()
    assert [d["DocNum"] for d in listed] == [created["DocNum"]]
    document = listed[0]
    assert (document["ImgType"], document["DocCategory"], document["docCategory"]) == ("Attachment", 155, "Letters")
    assert (document["DateCreated"], document["Description"]) == ("2027-01-05 10:30:00", "Medical claim packet")
    assert (document["ToothNumbers"], document["PrintHeading"]) == ("3,4,5,30", "true")


def test_defaults_are_document_and_the_first_image_category(api):
    document = api.post("documents/Upload", UPLOAD).json()
    assert (document["ImgType"], document["DocCategory"], document["docCategory"]) == ("Document", 150, "Patient Info")


def test_image_categories_are_definitions_of_category_18(api):
    names = [d["ItemName"] for d in api.get("definitions", Category=18).json()]
    assert "Letters" in names and len(names) >= 5


@pytest.mark.parametrize(
    "fields, says",
    [
        ({"PatNum": None}, "PatNum is required."),
        ({"rawBase64": ""}, "rawBase64 is required."),
        ({"extension": None}, "extension is required."),
        ({"rawBase64": "%%%not base64"}, "rawBase64 is not valid base64 data."),
        ({"ImgType": "Scan"}, "ImgType must be one of"),
        ({"DocCategory": 239}, "DocCategory is not an image category"),  # a commlog type
        ({"DocCategory": "Letters"}, "DocCategory must be a whole number."),
        ({"ToothNumbers": "5-3"}, "ToothNumbers must be tooth numbers"),
        ({"ToothNumbers": "33"}, "ToothNumbers must be tooth numbers"),
        ({"PrintHeading": "yes"}, 'PrintHeading must be "true" or "false".'),
        ({"ProvNum": 99}, "ProvNum 99 does not match any provider."),
        ({"DateCreated": "Jan 5"}, "DateCreated must be a date and time"),
    ],
)
def test_upload_refuses_bad_fields_with_a_message(api, sandbox, fields, says):
    body = {**UPLOAD, **fields}
    response = api.post("documents/Upload", {k: v for k, v in body.items() if v is not None})
    assert response.status_code == 400
    assert says in response.json()
    assert sandbox.store.rows("documents") == []


def test_commlog_name_wins_over_the_number(api):
    commlog = api.post("commlogs", {"PatNum": 1, "Note": "Claim packet sent", "CommType": 239, "commType": "Insurance"})
    assert commlog.status_code == 201
    assert (commlog.json()["CommType"], commlog.json()["commType"]) == ("238", "Insurance")


def test_commlog_takes_the_documented_modes_and_directions(api):
    body = {"PatNum": 1, "Note": "Claim packet sent", "CommDateTime": "2027-01-05 10:30:00"}
    commlog = api.post("commlogs", {**body, "Mode_": "Mail", "SentOrReceived": "Neither"}).json()
    assert (commlog["Mode_"], commlog["SentOrReceived"], commlog["CommDateTime"]) == (
        "Mail",
        "Neither",
        "2027-01-05 10:30:00",
    )
    assert "Mode_ must be one of" in api.post("commlogs", {**body, "Mode_": "Fax"}).json()
    assert "SentOrReceived must be one of" in api.post("commlogs", {**body, "SentOrReceived": "Both"}).json()
    assert api.post("commlogs", {**body, "commType": "Nope"}).json() == "commType does not match any commlog type."
    assert api.post("commlogs", {"PatNum": 1}).json() == "Note is required."
