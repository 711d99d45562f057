"""Seed validation: one clear SeedError per problem, defaults and derived fields filled."""
from __future__ import annotations

import json
import re

import pytest

from plugin.errors import SeedError
from plugin.sandbox.seed import DEMO_SEED, read_seed, validate_seed

def test_example_seed_loads_unchanged(project_root):
    example_seed = project_root.parent / "shared" / "examples" / "od-seed-example.json"
    if not example_seed.exists():
        pytest.skip("shared/ is not beside the project")
    example = json.loads(example_seed.read_text())
    tables = validate_seed(example)
    assert tables["appointments"][0] == example["appointments"][0] | {"PatternSecondary": ""}
    assert tables["procedurelogs"] == example["procedurelogs"]
    assert tables["patients"] == example["patients"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s.update(patientz=[]), "unknown resource 'patientz'"),
        (lambda s: s.update(patients={"PatNum": 1}), "patients must be a list of objects"),
        (
            lambda s: s["appointments"][2].pop("AptDateTime"),
            "appointments[2] (AptNum 102) is missing the required field AptDateTime",
        ),
        (lambda s: s["patients"][0].pop("PatNum"), "patients[0] is missing the required field PatNum"),
        (lambda s: s["appointments"][1].update(AptNum=100), "more than one row with AptNum 100"),
        (lambda s: s["appointments"][0].update(PatNum=77), "refers to PatNum 77, which is not in patients"),
        (lambda s: s["procedurelogs"][1].update(procCode="D0000"), "procCode 'D0000', which is not in procedurecodes"),
        (lambda s: s["procedurelogs"][0].update(CodeNum=99), "refers to CodeNum 99"),
        (lambda s: s["appointments"][0].update(AptDateTime="1/4/2027 8:00 AM"), "AptDateTime must look like"),
        (lambda s: s["appointments"][0].update(AptStatus="Cancelled"), "AptStatus must be one of"),
        (lambda s: s["diseases"][0].pop("DiseaseDefNum"), "DiseaseDefNum or diseaseDefName"),
        (lambda s: s["patients"][0].update(PatNum="1"), "PatNum must be a positive whole number"),
    ],
)
def test_problems_are_named(make_seed, change, message):
    seed = make_seed()
    change(seed)
    with pytest.raises(SeedError, match="^seed: .*" + re.escape(message)):
        validate_seed(seed)


def test_demo_seed_is_valid():
    tables = read_seed(DEMO_SEED)
    assert len(tables["appointments"]) > 50


def test_not_an_object():
    with pytest.raises(SeedError, match="expected a JSON object"):
        validate_seed([1, 2])


def test_invalid_json_says_where(tmp_path):
    path = tmp_path / "seed.json"
    path.write_text('{"patients": [\n  {"PatNum": 1,}\n]}')
    with pytest.raises(SeedError, match=r"not valid JSON: .*\(line 2, column 16\)"):
        read_seed(path)


def test_disease_by_name_creates_the_definition(make_seed):
    seed = make_seed()
    seed["diseases"].append({"DiseaseNum": 2, "PatNum": 1, "diseaseDefName": "Tongue-tie"})
    tables = validate_seed(seed)
    created = [d for d in tables["diseasedefs"] if d["DiseaseName"] == "Tongue-tie"]
    assert created and tables["diseases"][1]["DiseaseDefNum"] == created[0]["DiseaseDefNum"]


def test_apptfields_need_their_definition(make_seed):
    seed = make_seed()
    seed["apptfields"] = [{"AptNum": 100, "FieldName": "MedLane", "FieldValue": "x"}]
    with pytest.raises(SeedError, match="not in apptfielddefs"):
        validate_seed(seed)
    seed["apptfielddefs"] = [{"ApptFieldDefNum": 1, "FieldName": "MedLane"}]
    assert validate_seed(seed)["apptfields"][0]["ApptFieldNum"] == 1
