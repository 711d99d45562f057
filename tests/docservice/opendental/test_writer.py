"""The document service writes into a real (sandbox) Open Dental over HTTP on loopback."""
from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone

import pytest

from docservice.opendental import (
    PmsWriteError,
    add_commlog,
    pms_from_environment,
    set_appointment_field,
    upload_document,
)

PDF = b"%PDF-1.4 synthetic packet for tests\n%%EOF\n"
EXPORTED_AT = datetime(2027, 1, 5, 10, 30, 0)
LETTERS = 155  # a stock image category (definition category 18)


def test_upload_is_listed_as_an_attachment_in_its_category(od_writer_sandbox, connection, od_get):
    doc_num = upload_document(
        connection,
        pat_num=1,
        pdf=PDF,
        description="Medical claim packet ML-1-ABC",
        doc_category=LETTERS,
        date_created=EXPORTED_AT,
    )
    (document,) = od_get(od_writer_sandbox, "documents", PatNum=1)
    assert document["DocNum"] == doc_num
    assert (document["ImgType"], document["DocCategory"], document["docCategory"]) == ("Attachment", LETTERS, "Letters")
    assert document["Description"] == "Medical claim packet ML-1-ABC"
    assert document["DateCreated"] == "2027-01-05 10:30:00"
    parked = od_writer_sandbox.store.get("documents", doc_num)["Note"]
    assert base64.b64decode(parked.removeprefix("_rawBase64_:")) == PDF


def test_upload_without_a_category_takes_open_dentals_first(od_writer_sandbox, connection, od_get):
    upload_document(connection, pat_num=1, pdf=PDF, description="Packet", doc_category=None, date_created=EXPORTED_AT)
    assert od_get(od_writer_sandbox, "documents", PatNum=1)[0]["docCategory"] == "Patient Info"


def test_an_aware_time_is_written_as_local_wall_clock(od_writer_sandbox, connection, od_get):
    aware = datetime(2027, 1, 5, 18, 30, tzinfo=timezone(timedelta(hours=2)))
    upload_document(connection, pat_num=1, pdf=PDF, description="Packet", doc_category=None, date_created=aware)
    local = aware.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert od_get(od_writer_sandbox, "documents", PatNum=1)[0]["DateCreated"] == local


def test_commlog_is_in_the_patients_log(od_writer_sandbox, connection, od_get):
    note = "Medical claim packet ACN ML-1-ABC exported"
    commlog_num = add_commlog(connection, pat_num=1, note=note, when=EXPORTED_AT)
    (commlog,) = od_get(od_writer_sandbox, "commlogs", PatNum=1)
    assert commlog["CommlogNum"] == commlog_num
    assert (commlog["Note"], commlog["CommDateTime"]) == (note, "2027-01-05 10:30:00")
    assert (commlog["Mode_"], commlog["SentOrReceived"]) == ("None", "Neither")


def test_appointment_field_is_set_and_reset(od_writer_sandbox, connection, od_get):
    set_appointment_field(connection, apt_num=10, value="Medical claim exported - ACN ML-1-ABC")
    assert od_get(od_writer_sandbox, "apptfields", AptNum=10, FieldName="MedLane")["FieldValue"] == (
        "Medical claim exported - ACN ML-1-ABC"
    )
    set_appointment_field(connection, apt_num=10, value="Medical claim exported - ACN ML-1-DEF")
    assert od_get(od_writer_sandbox, "apptfields", AptNum=10, FieldName="MedLane")["FieldValue"].endswith("ML-1-DEF")


def test_wrong_keys_are_one_line_without_the_keys(od_writer_sandbox, connect):
    connection = connect(od_writer_sandbox, customer_key="not-the-key")
    with pytest.raises(PmsWriteError) as caught:
        add_commlog(connection, pat_num=1, note="x", when=EXPORTED_AT)
    message = str(caught.value)
    assert caught.value.status == 401 and "401" in message and "MEDLANE_OD_CUSTOMER_KEY" in message
    assert "not-the-key" not in message and od_writer_sandbox.settings.developer_key not in message
    assert "\n" not in message


def test_an_unreachable_open_dental_is_one_line(closed_port_url, connect, od_writer_sandbox):
    connection = connect(od_writer_sandbox, url=closed_port_url, retries=1)
    with pytest.raises(PmsWriteError, match="Cannot reach Open Dental at .* connection refused") as caught:
        set_appointment_field(connection, apt_num=10, value="x")
    assert caught.value.status is None


def test_a_rejected_value_carries_open_dentals_reason(od_writer_sandbox, connection):
    rejected = r"rejected the document upload \(400\): DocCategory is not an image"
    with pytest.raises(PmsWriteError, match=rejected) as caught:
        upload_document(
            connection, pat_num=1, pdf=PDF, description="Packet", doc_category=239, date_created=EXPORTED_AT
        )
    assert caught.value.status == 400
    with pytest.raises(PmsWriteError, match="FieldName does not match"):
        set_appointment_field(connection, apt_num=10, value="x", field_name="Not defined")
    assert od_writer_sandbox.store.rows("documents") == []


def test_a_put_is_repeated_after_a_504(start_od_writer_sandbox, connect, fault_seed_for):
    server = start_od_writer_sandbox(fail_rate=0.5, fault_seed=fault_seed_for(504, None))
    set_appointment_field(connect(server), apt_num=10, value="reviewed")
    assert server.stats.by_route["PUT /apptfields"] == 2
    assert [row["FieldValue"] for row in server.store.rows("apptfields")] == ["reviewed"]


def test_a_post_is_never_repeated_after_a_504(start_od_writer_sandbox, connect, fault_seed_for):
    server = start_od_writer_sandbox(fail_rate=0.5, fault_seed=fault_seed_for(504, None))
    with pytest.raises(PmsWriteError, match=r"\(504\).*may have been done") as caught:
        add_commlog(connect(server), pat_num=1, note="exported", when=EXPORTED_AT)
    assert caught.value.status == 504
    assert server.stats.by_route["POST /commlogs"] == 1


def test_a_throttled_post_goes_again_after_retry_after(start_od_writer_sandbox, connect):
    server = start_od_writer_sandbox(min_interval=1.0)
    connection = connect(server)
    upload_document(connection, pat_num=1, pdf=PDF, description="Packet", doc_category=None, date_created=EXPORTED_AT)
    add_commlog(connection, pat_num=1, note="exported", when=EXPORTED_AT)
    assert server.stats.throttled >= 1
    assert len(server.store.rows("commlogs")) == 1


def test_the_environment_names_the_connection():
    assert pms_from_environment({}) is None
    assert pms_from_environment({"MEDLANE_PMS_URL": "http://od.example:30223/api/v1"}) is None
    env = {
        "MEDLANE_PMS_URL": "http://od.example:30223/api/v1/",
        "MEDLANE_OD_DEVELOPER_KEY": "dev-key",
        "MEDLANE_OD_CUSTOMER_KEY": "cust-key",
    }
    connection = pms_from_environment(env)
    assert connection.url == "http://od.example:30223/api/v1"
    assert connection.session.headers["Authorization"] == "ODFHIR dev-key/cust-key"
    assert "dev-key" not in repr(connection) and "cust-key" not in repr(connection)
    with pytest.raises(PmsWriteError, match="MEDLANE_PMS_URL must be an http"):
        pms_from_environment({**env, "MEDLANE_PMS_URL": "od.example:30223"})
    with pytest.raises(PmsWriteError, match="cannot contain '/'"):
        pms_from_environment({**env, "MEDLANE_OD_CUSTOMER_KEY": "a/b"})
