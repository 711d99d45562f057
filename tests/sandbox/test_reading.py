"""Reading like Open Dental: paging, exact parameter names, filters, stamps and output conventions."""
from __future__ import annotations

import time


def test_paging_250_rows_in_pages_of_100(make_seed, start_sandbox):
    api = start_sandbox(make_seed(appointments=250))
    pages = [api.get("appointments", Offset=offset).json() for offset in (0, 100, 200)]
    assert [len(page) for page in pages] == [100, 100, 50]
    keys = [row["AptNum"] for page in pages for row in page]
    assert keys == sorted(keys) and len(set(keys)) == 250


def test_limit_above_the_cap_is_capped_silently(make_seed, start_sandbox):
    api = start_sandbox(make_seed(appointments=250))
    assert len(api.get("appointments", Limit=1000).json()) == 100
    assert len(api.get("appointments", Limit=7, Offset=3).json()) == 7
    assert api.get("appointments", Limit=7, Offset=3).json()[0]["AptNum"] == 103


def test_page_limit_1000_emulates_the_local_api(make_seed, start_sandbox):
    api = start_sandbox(make_seed(appointments=250), page_limit=1000)
    assert len(api.get("appointments").json()) == 250


def test_parameter_names_are_exact(api):
    filtered = api.get("appointments", dateStart="2027-01-05", dateEnd="2027-01-05").json()
    assert {row["AptDateTime"][:10] for row in filtered} == {"2027-01-05"}
    # Open Dental ignores names it does not know: the wrong casing means "no filter".
    ignored = api.get("appointments", DateStart="2027-01-05", DateEnd="2027-01-05").json()
    assert len(ignored) == 6


def test_date_filters_are_inclusive_on_the_day(api):
    assert {r["AptNum"] for r in api.get("appointments", date="2027-01-04").json()} == {100, 105}
    window = api.get("appointments", dateStart="2027-01-05", dateEnd="2027-01-06").json()
    assert {r["AptNum"] for r in window} == {101, 102}
    assert {r["AptNum"] for r in api.get("appointments", dateStart="2027-01-07").json()} == {103, 104}


def test_status_patient_and_op_filters(make_seed, start_sandbox):
    api = start_sandbox(make_seed(appointments=14))
    broken = api.get("appointments", AptStatus="Broken").json()
    assert {r["AptNum"] for r in broken} == {106, 113}
    assert all(r["PatNum"] == 2 for r in api.get("appointments", PatNum=2).json())
    assert all(r["Op"] == 1 for r in api.get("appointments", Op=1).json())


def test_server_date_time_on_documented_endpoints(api):
    for path in ("appointments", "procedurelogs", "providers", "patients/Simple", "procedurecodes"):
        rows = api.get(path).json()
        assert rows and all(len(r["serverDateTime"]) == 19 for r in rows), path
    assert "serverDateTime" in api.get("appointments/100").json()
    assert "serverDateTime" not in api.get("patients/1").json()
    assert "serverDateTime" not in api.get("diseases").json()[0]


def test_date_t_stamp_returns_rows_changed_since_and_writes_bump_it(api):
    stamp = api.get("appointments").json()[0]["serverDateTime"]
    assert api.get("appointments", DateTStamp=stamp).json() == []
    assert api.put("appointments/102/Note", {"Note": "pt called"}).status_code == 200
    changed = api.get("appointments", DateTStamp=stamp).json()
    assert [r["AptNum"] for r in changed] == [102]
    assert changed[0]["DateTStamp"] >= stamp


def test_output_conventions(api, sandbox):
    appointment = api.get("appointments/100").json()
    assert appointment["provAbbr"] == "DOC1"
    assert appointment["confirmed"] == "Not Called"  # stock ApptConfirmed definitions
    assert appointment["ProcDescript"] == "Pro, PerEx"
    assert appointment["IsHygiene"] == "false"
    assert appointment["DateTimeAskedToArrive"] == "0001-01-01 00:00:00"
    procs = api.get("procedurelogs", AptNum=100).json()
    assert [(p["ProcNum"], p["CodeNum"], p["procCode"]) for p in procs] == [(500, 2, "D1110"), (501, 1, "D0120")]
    patient = api.get("patients/5").json()
    assert (patient["priProvAbbr"], patient["secProvAbbr"], patient["SSN"]) == ("HYG1", "HYG1", "")
    assert api.get("diseases", PatNum=3).json()[0]["diseaseDefName"] == "Sleep apnea (OSA)"
    assert api.get("procedurecodes/3").json()["procCat"] == "Oral Surgery"


def test_newlines_are_spaces_on_output_but_kept_in_the_store(api, sandbox):
    api.put("appointments/100", {"Note": "first line\r\nsecond line"})
    assert api.get("appointments/100").json()["Note"] == "first line second line"
    assert sandbox.store.get("appointments", 100)["Note"] == "first line\r\nsecond line"


def test_patients_lists(api):
    simple = api.get("patients/Simple", LName="sample").json()
    assert [p["PatNum"] for p in simple] == [1, 2]
    assert [p["PatNum"] for p in api.get("patients/Simple", Guarantor=1).json()] == [1, 2]
    select = api.get("patients", LName="Example").json()
    assert [p["PatNum"] for p in select] == [3, 4]
    assert "Address2" not in select[0]  # Patient Select returns a subset of columns


def test_insurance_and_reference_lists(api):
    for path in ("carriers", "insplans", "inssubs", "patplans", "diseasedefs", "apptfielddefs", "commlogs"):
        assert api.get(path).status_code == 200, path
    definitions = api.get("definitions", Category=2).json()
    assert {d["ItemName"] for d in definitions} >= {"Not Called", "Confirmed"}
    assert all(d["category"] == "ApptConfirmed" for d in definitions)


def test_latency_is_added(start_sandbox, seed):
    api = start_sandbox(seed, latency_ms=150)
    started = time.monotonic()
    api.get("providers")
    assert time.monotonic() - started >= 0.15
